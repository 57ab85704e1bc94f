package com.contentsuite.passport.lockout;

import java.util.List;
import java.util.Locale;

import com.contentsuite.common.redis.RedisNamespace;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Locks an account after too many failed logins, in Redis so every instance counts
 * together. Unknown accounts are counted the same way, so a lock tells nothing about
 * whether an account exists.
 * <p>
 * A password check first reserves an attempt, atomically with checking the lock, and only
 * then runs bcrypt; so however many guesses arrive at once, at most {@code max-failures}
 * of them are checked in a window. The hash {@code passport:login:attempts:{subject}}
 * holds {@code failed} (failures in the window) and {@code pending} (checks in flight);
 * it expires {@code window} after the first attempt. A failure turns its reservation into
 * a failure and locks the subject when the failures reach the limit; a success releases
 * its reservation and forgets the failures.
 */
@Component
public class LoginLockout {

	private static final Logger log = LoggerFactory.getLogger(LoginLockout.class);

	// KEYS: attempts, lock. ARGV: window ms, max failures. 1 = reserved, 0 = refused.
	private static final RedisScript<Long> RESERVE = new DefaultRedisScript<>("""
			if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
			local failed = tonumber(redis.call('HGET', KEYS[1], 'failed') or '0')
			local pending = tonumber(redis.call('HGET', KEYS[1], 'pending') or '0')
			if failed + pending >= tonumber(ARGV[2]) then return 0 end
			redis.call('HINCRBY', KEYS[1], 'pending', 1)
			if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			return 1
			""", Long.class);

	// KEYS: attempts, lock. ARGV: window ms, max failures, lock ms. 1 = now locked.
	// A failure of a check that began before the lock was set counts for nothing more.
	private static final RedisScript<Long> FAIL = new DefaultRedisScript<>("""
			if tonumber(redis.call('HGET', KEYS[1], 'pending') or '0') > 0 then
			  redis.call('HINCRBY', KEYS[1], 'pending', -1)
			end
			if redis.call('EXISTS', KEYS[2]) == 1 then return 1 end
			local failed = redis.call('HINCRBY', KEYS[1], 'failed', 1)
			if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			if failed >= tonumber(ARGV[2]) then
			  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
			  redis.call('DEL', KEYS[1])
			  return 1
			end
			return 0
			""", Long.class);

	// KEYS: attempts. ARGV: 1 = also forget the failures (a success), 0 = only release.
	// Checks still in flight keep their reservations.
	private static final RedisScript<Long> RELEASE = new DefaultRedisScript<>("""
			local pending = tonumber(redis.call('HGET', KEYS[1], 'pending') or '0')
			if pending > 0 then
			  pending = redis.call('HINCRBY', KEYS[1], 'pending', -1)
			end
			if ARGV[1] == '1' then redis.call('HDEL', KEYS[1], 'failed') end
			if pending <= 0 and redis.call('HEXISTS', KEYS[1], 'failed') == 0 then
			  redis.call('DEL', KEYS[1])
			end
			return pending
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

	/**
	 * Reserves one password check for {@code subject}, or answers 1005 when it is locked
	 * or its window already holds as many failures and checks in flight as the limit. The
	 * caller reports the outcome through the attempt and closes it (try-with-resources),
	 * which releases the reservation of a check that ended in neither.
	 */
	public Attempt begin(String subject) {
		Long reserved = this.redis.execute(RESERVE, List.of(attemptsKey(subject), lockKey(subject)),
				Long.toString(this.properties.window().toMillis()), Integer.toString(this.properties.maxFailures()));
		if (reserved == null || reserved != 1L) {
			throw new ApiException(ErrorCode.TOO_MANY_REQUESTS, "too many failed logins, try again later");
		}
		return new Attempt(subject);
	}

	private String attemptsKey(String subject) {
		return this.namespace.key("passport:login:attempts:" + subject);
	}

	private String lockKey(String subject) {
		return this.namespace.key("passport:login:locked:" + subject);
	}

	/** One reserved password check. */
	public final class Attempt implements AutoCloseable {

		private final String subject;

		private boolean settled;

		private Attempt(String subject) {
			this.subject = subject;
		}

		/**
		 * The password was wrong: the reservation stays as a failure, and the subject is
		 * locked when the failures reach the limit.
		 */
		public void failed() {
			this.settled = true;
			LockoutProperties properties = LoginLockout.this.properties;
			LoginLockout.this.redis.execute(FAIL, List.of(attemptsKey(this.subject), lockKey(this.subject)),
					Long.toString(properties.window().toMillis()), Integer.toString(properties.maxFailures()),
					Long.toString(properties.lockDuration().toMillis()));
		}

		/** The password was right: the earlier failures no longer count. */
		public void succeeded() {
			this.settled = true;
			release(true);
		}

		/**
		 * Releases the reservation of a check that was neither reported failed nor
		 * succeeded (it threw); a no-op otherwise.
		 */
		@Override
		public void close() {
			if (this.settled) {
				return;
			}
			this.settled = true;
			try {
				release(false);
			}
			catch (RuntimeException ex) {
				// The reservation then lapses with the window.
				log.warn("Could not release a login attempt: {}", ex.toString());
			}
		}

		private void release(boolean forgetFailures) {
			LoginLockout.this.redis.execute(RELEASE, List.of(attemptsKey(this.subject)), forgetFailures ? "1" : "0");
		}

	}

}
