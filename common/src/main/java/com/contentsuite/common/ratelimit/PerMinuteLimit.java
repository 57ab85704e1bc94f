package com.contentsuite.common.ratelimit;

import java.time.Clock;
import java.util.List;

import com.contentsuite.common.redis.RedisNamespace;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * At most {@code perMinute} actions per user per clock minute (not a sliding window), a
 * counter in Redis shared by every instance; more is 1005. Without Redis the limit is not
 * applied (logged): the action is worth more than the limit.
 */
public class PerMinuteLimit {

	private static final Logger log = LoggerFactory.getLogger(PerMinuteLimit.class);

	// The first count of a minute sets the expiry, so a key never outlives its minute by
	// much.
	private static final RedisScript<Long> COUNT = RedisScript.of("""
			local n = redis.call('INCR', KEYS[1])
			if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			return n
			""", Long.class);

	private final StringRedisTemplate redis;

	private final RedisNamespace namespace;

	private final Clock clock;

	private final String keyPrefix;

	private final int perMinute;

	private final String what;

	/**
	 * @param keyPrefix the keys' start, e.g. {@code article:comment-rate:}; user and
	 * minute follow
	 * @param what the actions counted, plural, for the refusal: "comments"
	 */
	public PerMinuteLimit(StringRedisTemplate redis, RedisNamespace namespace, Clock clock, String keyPrefix,
			int perMinute, String what) {
		if (perMinute < 1) {
			throw new IllegalArgumentException("perMinute must be at least 1");
		}
		this.redis = redis;
		this.namespace = namespace;
		this.clock = clock;
		this.keyPrefix = keyPrefix;
		this.perMinute = perMinute;
		this.what = what;
	}

	/**
	 * Counts one action of {@code userId}; 1005 when it is one too many this minute. The
	 * slot answered gives the count back when the action then fails for another reason.
	 */
	public Slot acquire(long userId) {
		long minute = this.clock.millis() / 60_000;
		String key = this.namespace.key(this.keyPrefix + userId + ":" + minute);
		Long count;
		try {
			count = this.redis.execute(COUNT, List.of(key), "120000");
		}
		catch (RuntimeException ex) {
			log.warn("Rate limit of {} not applied, Redis unavailable: {}", this.what, ex.toString());
			return Slot.NONE;
		}
		if (count != null && count > this.perMinute) {
			throw new ApiException(ErrorCode.TOO_MANY_REQUESTS,
					"at most " + this.perMinute + " " + this.what + " a minute");
		}
		return new Slot(this.redis, key);
	}

	/** One counted action, whose count {@link #release} takes back. */
	public static final class Slot {

		static final Slot NONE = new Slot(null, null);

		private final StringRedisTemplate redis;

		private final String key;

		private Slot(StringRedisTemplate redis, String key) {
			this.redis = redis;
			this.key = key;
		}

		/**
		 * The action did not happen (a later check refused it, or its write failed): it
		 * does not count. Best effort: without Redis the slot stays taken until the
		 * minute ends.
		 */
		public void release() {
			if (this.key == null) {
				return;
			}
			try {
				this.redis.opsForValue().decrement(this.key);
			}
			catch (RuntimeException ex) {
				log.warn("Rate limit slot not given back, Redis unavailable: {}", ex.toString());
			}
		}

	}

}
