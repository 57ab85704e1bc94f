package com.contentsuite.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import com.contentsuite.common.redis.RedisNamespace;
import com.contentsuite.gateway.RedisBackstop;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A fixed-window counter in Redis: one script call per request (INCR, and PEXPIRE when
 * the window starts), atomic however many gateway instances count at once.
 */
final class FixedWindowCounter {

	// PTTL < 0 also repairs a counter that somehow lost its expiry.
	private static final RedisScript<List> SCRIPT = RedisScript.of("""
			local count = redis.call('INCR', KEYS[1])
			local ttl = redis.call('PTTL', KEYS[1])
			if ttl < 0 then
			  redis.call('PEXPIRE', KEYS[1], ARGV[1])
			  ttl = tonumber(ARGV[1])
			end
			return {count, ttl}
			""", List.class);

	private final ReactiveStringRedisTemplate redis;

	private final RedisNamespace namespace;

	FixedWindowCounter(ReactiveStringRedisTemplate redis, RedisNamespace namespace) {
		this.redis = redis;
		this.namespace = namespace;
	}

	/** Counts one hit and answers the window's count and remaining time. */
	Mono<Window> hit(String rule, String clientIp, Duration window) {
		String key = this.namespace.key("gateway:rate:" + rule + ":" + clientIp);
		return RedisBackstop
			.bounded(this.redis.execute(SCRIPT, List.of(key), List.of(Long.toString(window.toMillis()))).next())
			.map((result) -> new Window(((Number) result.get(0)).longValue(), ((Number) result.get(1)).longValue()));
	}

	/**
	 * @param count hits in the current window, this one included
	 * @param remainingMillis time until the window resets
	 */
	record Window(long count, long remainingMillis) {
	}

}
