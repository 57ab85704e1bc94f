package com.contentsuite.gateway.auth;

import java.util.List;

import com.contentsuite.common.redis.RedisNamespace;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.gateway.RedisBackstop;
import com.contentsuite.gateway.error.DependencyUnavailableException;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ReactiveValueOperations;

/**
 * Whether a login session was revoked (logout, password change, refresh-token reuse):
 * passport writes {@code passport:revoked:sid:{sid}}. Redis keeps nothing on disk, so
 * after a restart every session would read as not revoked until passport republishes
 * them; passport's marker {@code passport:revoked:published} exists only while its
 * revocations are fully published. One {@code MGET} of both keys per request: no marker
 * is 503 (passport republishes within seconds), the session key is 1506, and if Redis
 * cannot answer the request fails (503) rather than letting a revoked token in.
 */
final class RevocationChecker {

	private static final String SESSION_KEY_PREFIX = "passport:revoked:sid:";

	private static final String PUBLISHED_MARKER_KEY = "passport:revoked:published";

	private final ReactiveValueOperations<String, String> values;

	private final String sessionKeyPrefix;

	private final String publishedMarkerKey;

	RevocationChecker(ReactiveStringRedisTemplate redis, RedisNamespace namespace) {
		this.values = redis.opsForValue();
		this.sessionKeyPrefix = namespace.key(SESSION_KEY_PREFIX);
		this.publishedMarkerKey = namespace.key(PUBLISHED_MARKER_KEY);
	}

	/**
	 * Completes empty when the session stands, or fails: 1506 when it was revoked, 503
	 * 1006 when the marker is missing or Redis cannot answer.
	 */
	Mono<Void> check(String sessionId) {
		return RedisBackstop
			.bounded(this.values.multiGet(List.of(this.sessionKeyPrefix + sessionId, this.publishedMarkerKey)))
			.onErrorMap(DependencyUnavailableException::new)
			.<Void>handle((found, sink) -> {
				if (found.get(1) == null) {
					sink.error(unpublished());
				}
				else if (found.get(0) != null) {
					sink.error(TokenErrors.kicked());
				}
				else {
					sink.complete();
				}
			});
	}

	private static ApiException unpublished() {
		return ApiException.unavailable("revocation state unavailable, try again");
	}

}
