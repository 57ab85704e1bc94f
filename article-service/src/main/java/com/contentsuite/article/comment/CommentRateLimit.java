package com.contentsuite.article.comment;

import java.time.Clock;

import com.contentsuite.common.ratelimit.PerMinuteLimit;
import com.contentsuite.common.redis.RedisNamespace;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * At most {@code article.comments.per-minute} new comments per user per clock minute,
 * common's shared counter in Redis; without Redis the limit is not applied.
 */
@Component
class CommentRateLimit {

	private final PerMinuteLimit limit;

	CommentRateLimit(StringRedisTemplate redis, RedisNamespace namespace, CommentProperties properties, Clock clock) {
		this.limit = new PerMinuteLimit(redis, namespace, clock, "article:comment-rate:", properties.perMinute(),
				"comments");
	}

	void acquire(long userId) {
		this.limit.acquire(userId);
	}

}
