package com.contentsuite.article.comment;

import java.time.Clock;
import java.util.List;

import com.contentsuite.common.redis.RedisNamespace;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * At most {@code article.comments.per-minute} new comments per user per clock minute, a
 * counter in Redis shared by every instance. Without Redis the limit is not applied: a
 * comment is worth more than the limit.
 */
@Component
class CommentRateLimit {

	private static final Logger log = LoggerFactory.getLogger(CommentRateLimit.class);

	private static final RedisScript<Long> COUNT = RedisScript.of("""
			local n = redis.call('INCR', KEYS[1])
			if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			return n
			""", Long.class);

	private final StringRedisTemplate redis;

	private final RedisNamespace namespace;

	private final CommentProperties properties;

	private final Clock clock;

	CommentRateLimit(StringRedisTemplate redis, RedisNamespace namespace, CommentProperties properties, Clock clock) {
		this.redis = redis;
		this.namespace = namespace;
		this.properties = properties;
		this.clock = clock;
	}

	void acquire(long userId) {
		long minute = this.clock.millis() / 60_000;
		String key = this.namespace.key("article:comment-rate:" + userId + ":" + minute);
		Long count;
		try {
			count = this.redis.execute(COUNT, List.of(key), "120000");
		}
		catch (RuntimeException ex) {
			log.warn("Comment rate limit not applied, Redis unavailable: {}", ex.toString());
			return;
		}
		if (count != null && count > this.properties.perMinute()) {
			throw new ApiException(ErrorCode.TOO_MANY_REQUESTS,
					"at most " + this.properties.perMinute() + " comments a minute");
		}
	}

}
