package com.contentsuite.passport.lockout;

import java.util.List;
import java.util.Locale;

import com.contentsuite.common.redis.RedisNamespace;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Locks an account after too many failed logins, in Redis so every instance counts
 * together. Unknown accounts are counted the same way, so a lock tells nothing about
 * whether an account exists.
 */
@Component
public class LoginLockout {

	// Counts a failure; the window starts at the first one. Reaching the limit sets the
	// lock
	// and starts counting afresh.
	private static final RedisScript<Long> FAIL = new DefaultRedisScript<>("""
			local n = redis.call('INCR', KEYS[1])
			if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			if n >= tonumber(ARGV[2]) then
			  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
			  redis.call('DEL', KEYS[1])
			end
			return n
			""", Long.class);

	private final StringRedisTemplate redis;

	private final RedisNamespace namespace;

	private final LockoutProperties properties;

	LoginLockout(StringRedisTemplate redis, RedisNamespace namespace, LockoutProperties properties) {
		this.redis = redis;
		this.namespace = namespace;
		this.properties = properties;
	}

	/** The lock subject of an existing account. */
	public static String subjectOf(long userId) {
		return "u" + userId;
	}

	/** The lock subject of a login that names no account. */
	public static String subjectOfUnknown(String login) {
		return "a" + login.toLowerCase(Locale.ROOT);
	}

	public void ensureNotLocked(String subject) {
		if (Boolean.TRUE.equals(this.redis.hasKey(lockKey(subject)))) {
			throw new ApiException(ErrorCode.TOO_MANY_REQUESTS, "too many failed logins, try again later");
		}
	}

	public void recordFailure(String subject) {
		this.redis.execute(FAIL, List.of(failuresKey(subject), lockKey(subject)),
				Long.toString(this.properties.window().toMillis()), Integer.toString(this.properties.maxFailures()),
				Long.toString(this.properties.lockDuration().toMillis()));
	}

	public void reset(String subject) {
		this.redis.delete(failuresKey(subject));
	}

	private String failuresKey(String subject) {
		return this.namespace.key("passport:login:failures:" + subject);
	}

	private String lockKey(String subject) {
		return this.namespace.key("passport:login:locked:" + subject);
	}

}
