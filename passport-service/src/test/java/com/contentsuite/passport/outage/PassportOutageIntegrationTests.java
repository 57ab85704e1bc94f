package com.contentsuite.passport.outage;

import java.time.Duration;
import java.util.Map;

import com.contentsuite.passport.PassportClient.Answer;
import com.contentsuite.passport.PassportIntegrationTest;
import com.contentsuite.testsupport.OutageInfrastructureInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static com.contentsuite.testsupport.OutageInfrastructureInitializer.database;
import static com.contentsuite.testsupport.OutageInfrastructureInitializer.redis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Passport with its database or Redis taken away through proxies the test controls:
 * {@code 503 1006} before a client that waits 3 s gives up (the gateway waits 10 s), and
 * a register that failed so is safely retried with its Idempotency-Key.
 */
@ContextConfiguration(initializers = OutageInfrastructureInitializer.class, inheritInitializers = false)
@TestPropertySource(properties = { "suite.redis.breaker.open-duration=500ms", "suite.deadline.statement-timeout=1s" })
class PassportOutageIntegrationTests extends PassportIntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(3);

	@AfterEach
	void bringEverythingBack() {
		database().restore();
		redis().restore();
		// The next test starts once Redis (a captcha) and the pool answer again.
		await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
			assertThat(solveCaptcha().answer()).isNotBlank();
			assertThat(this.jdbc.queryForObject("SELECT 1", Integer.class)).isEqualTo(1);
		});
	}

	@Test
	void loginWithRedisDownIsUnavailableAtOnce() {
		String username = newUsername();
		register(username);
		redis().cut();

		assertUnavailable(
				quickly("POST", "/passport/login", Map.of("account", username, "password", PASSWORD), Map.of()));

		redis().restore();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(login(username, PASSWORD).errCode()).isZero());
	}

	@Test
	void aReusedRefreshTokenWithRedisDownIsUnavailableAtOnce() {
		String username = newUsername();
		register(username);
		Tokens tokens = loginOk(username, PASSWORD);
		assertThat(refresh(tokens.refresh()).errCode()).isZero();
		redis().cut();

		assertUnavailable(quickly("POST", "/passport/refresh", Map.of("refreshToken", tokens.refresh()), Map.of()));
	}

	@Test
	void refreshWithADatabaseDownIsUnavailableAtOnce() {
		String username = newUsername();
		register(username);
		Tokens tokens = loginOk(username, PASSWORD);
		database().cut();

		assertUnavailable(quickly("POST", "/passport/refresh", Map.of("refreshToken", tokens.refresh()), Map.of()));
	}

	@Test
	void aRegisterThatHitAHangingDatabaseIsRetriedSafelyWithItsKey() {
		String username = newUsername();
		Captcha captcha = solveCaptcha();
		Map<String, Object> body = Map.of("username", username, "password", PASSWORD, "img_code_id", captcha.id(),
				"img_code", captcha.answer());
		Map<String, String> key = Map.of("Idempotency-Key", "retry-" + username);
		database().stall();

		assertUnavailable(quickly("POST", "/passport/register", body, key));

		database().restore();
		Answer[] retried = new Answer[1];
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			retried[0] = quickly("POST", "/passport/register", body, key);
			assertThat(retried[0].errCode()).as(retried[0].toString()).isZero();
		});
		Answer again = quickly("POST", "/passport/register", body, key);
		assertThat(again.text("userID")).isEqualTo(retried[0].text("userID"));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE username = ?", Integer.class, username))
			.isEqualTo(1);
	}

	private Answer quickly(String method, String path, Object body, Map<String, String> headers) {
		return this.client.send(this.client.request(method, path, body, null, headers).timeout(PATIENCE));
	}

	private static void assertUnavailable(Answer answer) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
		assertThat(answer.errCode()).isEqualTo(1006);
	}

}
