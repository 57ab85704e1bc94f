package com.contentsuite.common.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import com.contentsuite.common.redis.RedisNamespace;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The counter against the local Redis (keys under a namespace of their own), and a Redis
 * that cannot be reached (a closed port).
 */
class PerMinuteLimitTests {

	private static final Instant MINUTE = Instant.parse("2026-03-02T09:00:00Z");

	private final RedisNamespace namespace = new RedisNamespace("per-minute-limit-tests:" + UUID.randomUUID() + ":");

	private LettuceConnectionFactory factory;

	@AfterEach
	void close() {
		if (this.factory != null) {
			StringRedisTemplate redis = template(6379);
			redis.delete(redis.keys(this.namespace.key("*")));
			this.factory.destroy();
		}
	}

	private PerMinuteLimit limit(int port, Instant now) {
		return new PerMinuteLimit(template(port), this.namespace, Clock.fixed(now, ZoneOffset.UTC), "test:rate:", 3,
				"posts");
	}

	@Test
	void theActionPastTheLimitOfAMinuteIs1005() {
		PerMinuteLimit limit = limit(6379, MINUTE);
		for (int i = 0; i < 3; i++) {
			limit.acquire(7);
		}

		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> limit.acquire(7)).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.TOO_MANY_REQUESTS);
			assertThat(ex.httpStatus()).isEqualTo(429);
			assertThat(ex.detail()).isEqualTo("at most 3 posts a minute");
		});
	}

	@Test
	void eachUserAndEachClockMinuteCountsApart() {
		PerMinuteLimit now = limit(6379, MINUTE.plusSeconds(59));
		for (int i = 0; i < 3; i++) {
			now.acquire(7);
		}
		PerMinuteLimit nextMinute = limit(6379, MINUTE.plusSeconds(60));

		assertThatNoException().isThrownBy(() -> now.acquire(8));
		assertThatNoException().isThrownBy(() -> nextMinute.acquire(7));
	}

	@Test
	void theCounterKeyIsNamespacedAndExpires() {
		limit(6379, MINUTE).acquire(7);

		String key = this.namespace.key("test:rate:7:" + MINUTE.toEpochMilli() / 60_000);
		StringRedisTemplate redis = template(6379);
		assertThat(redis.opsForValue().get(key)).isEqualTo("1");
		assertThat(redis.getExpire(key)).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(2).toSeconds());
	}

	@Test
	void aReleasedSlotCountsNoMore() {
		PerMinuteLimit limit = limit(6379, MINUTE);
		limit.acquire(7);
		limit.acquire(7);
		PerMinuteLimit.Slot failed = limit.acquire(7);

		failed.release();

		assertThatNoException().isThrownBy(() -> limit.acquire(7));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> limit.acquire(7));
	}

	@Test
	void withoutRedisTheLimitIsNotAppliedAndASlotReleasesNothing() {
		PerMinuteLimit limit = limit(1, MINUTE);

		for (int i = 0; i < 5; i++) {
			assertThatNoException().isThrownBy(() -> limit.acquire(7).release());
		}
	}

	@Test
	void withoutRedisTheLimitIsNotApplied() {
		PerMinuteLimit limit = limit(1, MINUTE);

		for (int i = 0; i < 5; i++) {
			assertThatNoException().isThrownBy(() -> limit.acquire(7));
		}
	}

	private StringRedisTemplate template(int port) {
		if (this.factory == null || this.factory.getPort() != port) {
			if (this.factory != null) {
				this.factory.destroy();
			}
			this.factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port),
					LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
			this.factory.afterPropertiesSet();
		}
		StringRedisTemplate template = new StringRedisTemplate(this.factory);
		template.afterPropertiesSet();
		return template;
	}

}
