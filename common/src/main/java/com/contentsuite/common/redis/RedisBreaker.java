package com.contentsuite.common.redis;

import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.event.command.CommandFailedEvent;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandSucceededEvent;

import org.springframework.data.redis.RedisConnectionFailureException;

/**
 * The circuit breaker in front of this process's Redis. Lettuce reports the outcome of
 * every command here (so no call site has to remember to), and
 * {@link GuardedRedisConnections} asks {@link #guard()} before it hands out a connection,
 * so an open circuit costs a caller nothing but an exception.
 */
public class RedisBreaker implements CommandListener {

	private final CircuitBreaker breaker;

	public RedisBreaker(RedisBreakerProperties properties) {
		this.breaker = CircuitBreaker.of("redis",
				CircuitBreakerConfig.custom()
					.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
					.slidingWindowSize(properties.slidingWindow())
					.minimumNumberOfCalls(Math.min(properties.minimumCalls(), properties.slidingWindow()))
					.failureRateThreshold(properties.failureRatePercent())
					.waitDurationInOpenState(properties.openDuration())
					.automaticTransitionFromOpenToHalfOpenEnabled(true)
					.permittedNumberOfCallsInHalfOpenState(2)
					.build());
	}

	/** Throws the usual Spring Data failure while the circuit is open. */
	public void guard() {
		if (this.breaker.getState() == CircuitBreaker.State.OPEN) {
			throw new RedisConnectionFailureException("Redis circuit is open");
		}
	}

	/** The breaker itself, for metrics and tests. */
	public CircuitBreaker circuitBreaker() {
		return this.breaker;
	}

	public CircuitBreaker.State state() {
		return this.breaker.getState();
	}

	/** A connection to Redis could not be made. */
	public void connectionFailed(Throwable failure) {
		this.breaker.onError(0, TimeUnit.NANOSECONDS, failure);
	}

	@Override
	public void commandSucceeded(CommandSucceededEvent event) {
		this.breaker.onSuccess(event.getDuration(TimeUnit.NANOSECONDS), TimeUnit.NANOSECONDS);
	}

	@Override
	public void commandFailed(CommandFailedEvent event) {
		if (event.getCause() instanceof RedisCommandExecutionException) {
			// Redis answered (WRONGTYPE, a script error): it is up.
			this.breaker.onSuccess(0, TimeUnit.NANOSECONDS);
			return;
		}
		this.breaker.onError(0, TimeUnit.NANOSECONDS, event.getCause());
	}

}
