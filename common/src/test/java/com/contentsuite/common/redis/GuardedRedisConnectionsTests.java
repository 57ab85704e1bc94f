package com.contentsuite.common.redis;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The breaker sees every command's outcome through Lettuce, and an open circuit refuses
 * connections without sending anything (against the local Redis, or a closed port).
 */
class GuardedRedisConnectionsTests {

	private LettuceConnectionFactory factory;

	@AfterEach
	void close() {
		if (this.factory != null) {
			this.factory.destroy();
		}
	}

	@Test
	void answersAreCountedAsSuccesses() {
		RedisBreaker breaker = breaker();
		StringRedisTemplate redis = template(6379, breaker);

		redis.opsForValue().get("guarded-redis-connections-tests");

		// Lettuce tells its listeners on its event loop, after the caller has its answer.
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(
					() -> assertThat(breaker.circuitBreaker().getMetrics().getNumberOfSuccessfulCalls()).isPositive());
	}

	@Test
	void aRedisThatCannotBeReachedOpensTheCircuitAndIsThenNotAsked() {
		RedisBreaker breaker = breaker();
		StringRedisTemplate redis = template(1, breaker);

		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> redis.opsForValue().get("k"));
		}

		assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThatExceptionOfType(RedisConnectionFailureException.class).isThrownBy(() -> redis.opsForValue().get("k"))
			.withMessage("Redis circuit is open");
	}

	private static RedisBreaker breaker() {
		return new RedisBreaker(new RedisBreakerProperties(50, 2, 4, Duration.ofMinutes(1)));
	}

	private StringRedisTemplate template(int port, RedisBreaker breaker) {
		this.factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port),
				LettuceClientConfiguration.builder()
					.commandTimeout(Duration.ofMillis(500))
					.clientOptions(ClientOptions.builder()
						.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
						.timeoutOptions(TimeoutOptions.enabled())
						.build())
					.build());
		this.factory.afterPropertiesSet();
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("breaker", breaker);
		Object guarded = new GuardedRedisConnections(beans.getBeanProvider(RedisBreaker.class))
			.postProcessAfterInitialization(this.factory, "redisConnectionFactory");
		StringRedisTemplate template = new StringRedisTemplate((RedisConnectionFactory) guarded);
		template.afterPropertiesSet();
		return template;
	}

}
