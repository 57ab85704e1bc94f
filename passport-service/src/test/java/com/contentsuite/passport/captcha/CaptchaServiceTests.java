package com.contentsuite.passport.captcha;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import com.contentsuite.common.redis.RedisNamespace;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The captcha rules against a real Redis, in a key space of this test's own. */
class CaptchaServiceTests {

	private static LettuceConnectionFactory connections;

	private static StringRedisTemplate redis;

	private static final RedisNamespace namespace = new RedisNamespace("captcha-test-" + UUID.randomUUID() + ":");

	@BeforeAll
	static void connect() {
		URI uri = URI.create(TestInfrastructure.get().redisUrl());
		connections = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 6379));
		connections.afterPropertiesSet();
		connections.start();
		redis = new StringRedisTemplate(connections);
	}

	@AfterAll
	static void disconnect() {
		redis.delete(redis.keys(namespace.key("*")));
		connections.destroy();
	}

	private static CaptchaService captchas(Duration ttl) {
		return new CaptchaService(redis, namespace, new CaptchaProperties(ttl, 120, 40, 4));
	}

	private final CaptchaService captchas = captchas(Duration.ofSeconds(300));

	private static String answerOf(String id) {
		return redis.opsForValue().get(namespace.key("passport:captcha:" + id));
	}

	private static int codeOf(Executable call) {
		ApiException ex = catchThrowableOfType(ApiException.class, () -> call.execute());
		assertThat(ex).isNotNull();
		return ex.code().code();
	}

	@Test
	void drawsAPngAndKeepsItsLowerCaseAnswer() {
		byte[] png = this.captchas.issue("draw-0001", null);
		assertThat(png).startsWith(0x89, 'P', 'N', 'G');
		assertThat(answerOf("draw-0001")).matches("[a-z0-9]{4}");
		assertThat(redis.getExpire(namespace.key("passport:captcha:draw-0001"))).isBetween(295L, 300L);
	}

	@Test
	void anAnswerIsCheckedCaseInsensitively() {
		this.captchas.issue("case-0001", null);
		String answer = answerOf("case-0001");
		assertThatCode(() -> this.captchas.check("case-0001", answer.toUpperCase())).doesNotThrowAnyException();
	}

	@Test
	void anAnswerWorksOnceEvenAfterAWrongGuess() {
		this.captchas.issue("once-0001", null);
		String answer = answerOf("once-0001");
		assertThat(codeOf(() -> this.captchas.check("once-0001", "wrong"))).isEqualTo(20006);
		assertThat(codeOf(() -> this.captchas.check("once-0001", answer))).isEqualTo(20007);

		this.captchas.issue("once-0002", null);
		String second = answerOf("once-0002");
		this.captchas.check("once-0002", second);
		assertThat(codeOf(() -> this.captchas.check("once-0002", second))).isEqualTo(20007);
	}

	@Test
	void anAnswerExpires() throws InterruptedException {
		CaptchaService shortLived = captchas(Duration.ofMillis(300));
		shortLived.issue("expire-0001", null);
		String answer = answerOf("expire-0001");
		Thread.sleep(600);
		assertThat(codeOf(() -> shortLived.check("expire-0001", answer))).isEqualTo(20007);
	}

	@Test
	void theNextCaptchaDeletesThePreviousAnswer() {
		this.captchas.issue("prev-0001", null);
		String previous = answerOf("prev-0001");
		this.captchas.issue("next-0001", "prev-0001");
		assertThat(answerOf("prev-0001")).isNull();
		assertThat(codeOf(() -> this.captchas.check("prev-0001", previous))).isEqualTo(20007);
		assertThat(answerOf("next-0001")).isNotNull();
	}

	@Test
	void malformedIdsAndBlankAnswersAreArgumentErrorsThatSpendNothing() {
		assertThat(codeOf(() -> this.captchas.issue("short", null))).isEqualTo(1001);
		assertThat(codeOf(() -> this.captchas.issue("valid-0001", "bad id"))).isEqualTo(1001);
		this.captchas.issue("kept-0001", null);
		assertThat(codeOf(() -> this.captchas.check("kept-0001", " "))).isEqualTo(1001);
		assertThat(codeOf(() -> this.captchas.check("kept*0001", "abcd"))).isEqualTo(1001);
		assertThat(answerOf("kept-0001")).isNotNull();
	}

}
