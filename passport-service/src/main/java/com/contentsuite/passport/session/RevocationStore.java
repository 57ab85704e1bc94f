package com.contentsuite.passport.session;

import java.time.Duration;

import com.contentsuite.common.redis.RedisNamespace;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The Redis copy of revoked sessions that the gateway reads on every request:
 * {@code passport:revoked:sid:{sid}} exists while a token of that session could still be
 * alive. The database stays the source of truth.
 */
@Component
class RevocationStore {

	private final StringRedisTemplate redis;

	private final RedisNamespace namespace;

	RevocationStore(StringRedisTemplate redis, RedisNamespace namespace) {
		this.redis = redis;
		this.namespace = namespace;
	}

	void publish(String sid, String reason, Duration ttl) {
		this.redis.opsForValue().set(key(sid), reason, ttl);
	}

	/** Present while Redis still holds what was last republished. */
	boolean markerPresent() {
		return Boolean.TRUE.equals(this.redis.hasKey(markerKey()));
	}

	void setMarker() {
		this.redis.opsForValue().set(markerKey(), "1");
	}

	private String key(String sid) {
		return this.namespace.key("passport:revoked:sid:" + sid);
	}

	private String markerKey() {
		return this.namespace.key("passport:revoked:published");
	}

}
