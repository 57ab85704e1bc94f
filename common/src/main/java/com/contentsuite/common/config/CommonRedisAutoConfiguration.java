package com.contentsuite.common.config;

import com.contentsuite.common.redis.GuardedRedisConnections;
import com.contentsuite.common.redis.RedisBreaker;
import com.contentsuite.common.redis.RedisBreakerProperties;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Redis that is down or stalled answers within its short command timeout (suite
 * defaults), and after a few failures at once: commands are refused while the connection
 * is down instead of queued until they time out, and a circuit breaker stops sending
 * while Redis does not answer.
 */
@AutoConfiguration(after = CommonAutoConfiguration.class)
@ConditionalOnClass({ LettuceConnectionFactory.class, CircuitBreaker.class,
		LettuceClientOptionsBuilderCustomizer.class })
@EnableConfigurationProperties(RedisBreakerProperties.class)
public class CommonRedisAutoConfiguration {

	// Lettuce times a command out itself a little before Spring Data stops waiting for
	// it,
	// so the failure reaches the breaker's listener (a cancelled wait would not).
	@Bean
	LettuceClientOptionsBuilderCustomizer failFastRedisClientOptions(
			@Value("${spring.data.redis.timeout:500ms}") Duration timeout) {
		Duration own = timeout.minusMillis(50).compareTo(Duration.ofMillis(10)) > 0 ? timeout.minusMillis(50)
				: Duration.ofMillis(10);
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.timeoutOptions(TimeoutOptions.builder().timeoutCommands().fixedTimeout(own).build());
	}

	@Bean
	RedisBreaker redisBreaker(RedisBreakerProperties properties) {
		return new RedisBreaker(properties);
	}

	@Bean
	static GuardedRedisConnections guardedRedisConnections(ObjectProvider<RedisBreaker> breaker) {
		return new GuardedRedisConnections(breaker);
	}

}
