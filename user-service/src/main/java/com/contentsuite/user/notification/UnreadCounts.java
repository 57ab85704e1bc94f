package com.contentsuite.user.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongFunction;

import com.contentsuite.common.redis.RedisNamespace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

/**
 * A user's unread count, kept in Redis equal to their unread rows without a counter row
 * in the database that every event would have to lock.
 *
 * <p>
 * Redis holds the <em>set</em> of unread notification ids
 * ({@code user:notif:unread:{id}}) plus the member {@code c} once the set is complete;
 * the count is its size minus one. Why the copy equals the rows under any interleaving:
 * <ul>
 * <li>An insert adds its id after its commit ({@link #ADD}). Adding is idempotent and
 * commutes with other adds, so an add that comes late, twice (a retried delivery re-adds
 * an unread row it finds), or before the set is complete, can never count a row twice and
 * never lose one.</li>
 * <li>A read flag set (one or all) removes the ids after its commit, remembers them for
 * an hour as read ({@code user:notif:read:{id}}, which later adds of those ids skip: an
 * add that was in flight when the row was read) and changes the generation
 * ({@code user:notif:gen:{id}}).</li>
 * <li>A miss rebuilds: read the generation, select the unread ids (outside any
 * transaction, so after that read), then add them and {@code c} only if the generation is
 * unchanged ({@link #STORE}). A removal the snapshot missed changed the generation first,
 * so a stale snapshot is never stored; an insert the snapshot missed adds its id itself.
 * So once the writers' scripts ran, a complete set holds exactly the unread ids.</li>
 * <li>Limits: a process dying between a read flag's commit and its script leaves those
 * ids in the set until it expires ({@link #TTL}); one dying between an insert's commit
 * and its add is mended by the sender's retry (the delivery never answered). A set costs
 * about 60 bytes per unread notification.</li>
 * </ul>
 */
@Component
class UnreadCounts {

	static final Duration TTL = Duration.ofDays(1);

	static final Duration READ_MEMORY = Duration.ofHours(1);

	private static final String COMPLETE = "c";

	/** KEYS: set, read-ids; ARGV: TTL s, ids... */
	private static final DefaultRedisScript<Long> ADD = new DefaultRedisScript<>("""
			for i = 2, #ARGV do
			  if redis.call('SISMEMBER', KEYS[2], ARGV[i]) == 0 then
			    redis.call('SADD', KEYS[1], ARGV[i])
			  end
			end
			redis.call('EXPIRE', KEYS[1], ARGV[1])
			return 1""", Long.class);

	/** KEYS: set, read-ids, generation; ARGV: token, TTL s, memory s, ids... */
	private static final DefaultRedisScript<Long> REMOVE = new DefaultRedisScript<>("""
			for i = 4, #ARGV do
			  redis.call('SREM', KEYS[1], ARGV[i])
			  redis.call('SADD', KEYS[2], ARGV[i])
			end
			redis.call('EXPIRE', KEYS[2], ARGV[3])
			redis.call('SET', KEYS[3], ARGV[1], 'EX', ARGV[2])
			return 1""", Long.class);

	/**
	 * KEYS: set, generation; ARGV: generation read before the snapshot ('' = none), TTL
	 * s, ids... Answers the count, or -1 when the generation moved.
	 */
	private static final DefaultRedisScript<Long> STORE = new DefaultRedisScript<>("""
			local current = redis.call('GET', KEYS[2]) or ''
			if current ~= ARGV[1] then
			  return -1
			end
			redis.call('SADD', KEYS[1], 'c')
			for i = 3, #ARGV do
			  redis.call('SADD', KEYS[1], ARGV[i])
			end
			redis.call('EXPIRE', KEYS[1], ARGV[2])
			return redis.call('SCARD', KEYS[1]) - 1""", Long.class);

	/**
	 * KEYS: set, generation. Answers size-1 when complete, else -1 and the generation.
	 */
	private static final DefaultRedisScript<List> READ = new DefaultRedisScript<>("""
			if redis.call('SISMEMBER', KEYS[1], 'c') == 1 then
			  return {redis.call('SCARD', KEYS[1]) - 1, ''}
			end
			return {-1, redis.call('GET', KEYS[2]) or ''}""", List.class);

	private static final Logger logger = LoggerFactory.getLogger(UnreadCounts.class);

	private final StringRedisTemplate redis;

	private final RedisNamespace namespace;

	UnreadCounts(StringRedisTemplate redis, RedisNamespace namespace) {
		this.redis = redis;
		this.namespace = namespace;
	}

	/**
	 * Counts a user's newly stored unread notifications; call after the commit. A Redis
	 * failure is thrown: the delivery then fails and its retry adds them again.
	 */
	void added(long userId, List<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		List<String> args = new ArrayList<>(List.of(Long.toString(TTL.toSeconds())));
		ids.forEach((id) -> args.add(id.toString()));
		this.redis.execute(ADD, List.of(set(userId), read(userId)), args.toArray());
	}

	/** Forgets ids that were flagged read; call after the commit. Failures are logged. */
	void removed(long userId, List<Long> ids) {
		List<String> args = new ArrayList<>(List.of(UUID.randomUUID().toString(), Long.toString(TTL.toSeconds()),
				Long.toString(READ_MEMORY.toSeconds())));
		ids.forEach((id) -> args.add(id.toString()));
		try {
			this.redis.execute(REMOVE, List.of(set(userId), read(userId), generation(userId)), args.toArray());
		}
		catch (DataAccessException ex) {
			logger.error("Unread notifications of user {} not updated in Redis (stale for up to {}): {}", userId, TTL,
					ex.getMessage());
		}
	}

	/**
	 * The unread count: from Redis, rebuilt from the rows on a miss; from the rows alone
	 * when Redis fails.
	 */
	long count(long userId, LongFunction<List<Long>> unreadIds, LongFunction<Long> countRows) {
		String generation;
		try {
			List<?> answer = this.redis.execute(READ, List.of(set(userId), generation(userId)));
			long cached = ((Number) answer.get(0)).longValue();
			if (cached >= 0) {
				return cached;
			}
			generation = String.valueOf(answer.get(1));
		}
		catch (DataAccessException ex) {
			logger.warn("Unread count of user {} not read from Redis: {}", userId, ex.getMessage());
			return countRows.apply(userId);
		}
		List<Long> ids = unreadIds.apply(userId);
		List<String> args = new ArrayList<>(List.of(generation, Long.toString(TTL.toSeconds())));
		ids.forEach((id) -> args.add(id.toString()));
		try {
			Long stored = this.redis.execute(STORE, List.of(set(userId), generation(userId)), args.toArray());
			if (stored != null && stored >= 0) {
				return stored;
			}
		}
		catch (DataAccessException ex) {
			logger.warn("Unread count of user {} not stored in Redis: {}", userId, ex.getMessage());
		}
		return ids.size();
	}

	String set(long userId) {
		return this.namespace.key("user:notif:unread:" + userId);
	}

	private String read(long userId) {
		return this.namespace.key("user:notif:read:" + userId);
	}

	private String generation(long userId) {
		return this.namespace.key("user:notif:gen:" + userId);
	}

}
