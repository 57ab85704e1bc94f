package com.contentsuite.gateway.auth;

import com.contentsuite.common.redis.RedisNamespace;
import com.contentsuite.gateway.error.DependencyUnavailableException;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Whether a login session was revoked (logout, password change, refresh-token reuse):
 * passport writes {@code passport:revoked:sid:{sid}}. One {@code EXISTS} per request; if
 * Redis cannot answer, the request fails (503) rather than letting a revoked token in.
 */
final class RevocationChecker {

	private final ReactiveStringRedisTemplate redis;

	private final RedisNamespace namespace;

	RevocationChecker(ReactiveStringRedisTemplate redis, RedisNamespace namespace) {
		this.redis = redis;
		this.namespace = namespace;
	}

	Mono<Boolean> isRevoked(String sessionId) {
		return this.redis.hasKey(this.namespace.key("passport:revoked:sid:" + sessionId))
			.onErrorMap(DependencyUnavailableException::new);
	}

}
