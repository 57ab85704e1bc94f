package com.contentsuite.gateway;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * A bound on every Redis call a request waits for. Lettuce times out a command it sent (1
 * s here), but not a connection that is being set up or reset and never completes; a
 * request must then still get its 503 rather than wait for the client to give up.
 */
public final class RedisBackstop {

	/**
	 * Above Lettuce's command timeout, so that its own timeout normally answers first.
	 */
	public static final Duration TIMEOUT = Duration.ofSeconds(2);

	private RedisBackstop() {
	}

	public static <T> Mono<T> bounded(Mono<T> call) {
		return call.timeout(TIMEOUT);
	}

}
