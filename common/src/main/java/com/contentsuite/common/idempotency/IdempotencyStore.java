package com.contentsuite.common.idempotency;

import java.time.Duration;
import java.util.List;

import com.contentsuite.common.redis.RedisNamespace;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Keys in Redis under {@code {namespace}idempotency:{caller}:{method} {path}:{key}}: a
 * claim is taken with SET NX, replaced by the answer, or released (only by the call that
 * took it) when the first call failed in a way a retry may repair.
 */
class IdempotencyStore {

	private static final RedisScript<Long> RELEASE = RedisScript.of(
			"if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end",
			Long.class);

	private final StringRedisTemplate redis;

	private final RedisNamespace namespace;

	IdempotencyStore(StringRedisTemplate redis, RedisNamespace namespace) {
		this.redis = redis;
		this.namespace = namespace;
	}

	String keyOf(String caller, String method, String path, String key) {
		return this.namespace.key("idempotency:" + caller + ":" + method + " " + path + ":" + key);
	}

	/** Claims the key; answers {@code null} when claimed, else what it holds. */
	StoredAnswer claimOrGet(String redisKey, StoredAnswer claim, Duration ttl) {
		Boolean claimed = this.redis.opsForValue().setIfAbsent(redisKey, claim.encode(), ttl);
		if (Boolean.TRUE.equals(claimed)) {
			return null;
		}
		String held = this.redis.opsForValue().get(redisKey);
		// Released between the two calls: the caller may claim again.
		return (held != null) ? StoredAnswer.decode(held) : StoredAnswer.inFlight("", "");
	}

	StoredAnswer get(String redisKey) {
		String held = this.redis.opsForValue().get(redisKey);
		return (held != null) ? StoredAnswer.decode(held) : null;
	}

	void complete(String redisKey, StoredAnswer answer, Duration retention) {
		this.redis.opsForValue().set(redisKey, answer.encode(), retention);
	}

	void release(String redisKey, StoredAnswer claim) {
		this.redis.execute(RELEASE, List.of(redisKey), claim.encode());
	}

}
