package com.contentsuite.user.relation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.contentsuite.common.redis.RedisNamespace;
import com.contentsuite.user.profile.ProfileRelations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A user's {@code followingCount} and {@code followerCount}: derived from the
 * {@code user_follow} rows, copied to Redis ({@code user:count:following:{id}},
 * {@code user:count:followers:{id}}).
 *
 * <p>
 * The protocol, and why the copies equal the rows under any interleaving:
 * <ul>
 * <li>A change: after its transaction committed, and only if it changed a row, the writer
 * runs {@link #INVALIDATE} for each user whose counts changed: it sets the user's
 * generation key {@code user:count:gen:{id}} to a fresh random token and deletes both
 * count keys, in one atomic script. It never writes a count, so however late it runs it
 * can only remove a value, never make one wrong.</li>
 * <li>A read: {@code MGET} of both counts and the generation (one round trip). On a miss
 * it remembers the generation {@code g}, then counts the rows in one statement outside
 * any transaction (so the statement's snapshot is taken after {@code g} was read), then
 * runs {@link #STORE}: set both counts only if the generation is still {@code g}.</li>
 * <li>Proof: suppose a stored value misses a committed change {@code c}. The change was
 * not in the count's snapshot, so {@code c} committed after the snapshot, hence after
 * {@code g} was read, and {@code c}'s invalidation runs after its commit. If it ran
 * before {@link #STORE}, the generation is no longer {@code g} (tokens are random, never
 * reused) and nothing is stored; if after, it deletes the stored value. Either way no
 * stale value survives the invalidation of the change it missed. A stored value never
 * counts an uncommitted change (the snapshot sees only committed rows). So once the
 * writers' invalidations have run, every present copy equals {@code COUNT(*)}.</li>
 * <li>A plain "delete after commit, rebuild on read" would not be enough: a reader can
 * count before a commit, the writer then deletes the (absent) key, and the reader stores
 * its stale count for good. The generation check closes exactly that window.</li>
 * <li>Limits: a process dying between commit and invalidation, or Redis losing its data
 * in the middle of a read, could leave a stale copy: the count keys expire after
 * {@link #COUNT_TTL}, which bounds that. Generation keys live {@link #GENERATION_TTL},
 * far longer than any read (a read only stores within its request's timeout).</li>
 * </ul>
 * The cost: a change makes the next read of its users' profiles count rows again (an
 * index range scan); for users with very many followers an incremental scheme would be
 * cheaper, at the price of a harder argument.
 */
@Component
class RelationCounts implements ProfileRelations {

	static final Duration COUNT_TTL = Duration.ofHours(1);

	static final Duration GENERATION_TTL = Duration.ofDays(1);

	/** KEYS: triples (following, followers, generation); ARGV[1] token, ARGV[2] TTL s. */
	private static final DefaultRedisScript<Long> INVALIDATE = new DefaultRedisScript<>("""
			for i = 1, #KEYS, 3 do
			  redis.call('DEL', KEYS[i], KEYS[i + 1])
			  redis.call('SET', KEYS[i + 2], ARGV[1], 'EX', ARGV[2])
			end
			return 1""", Long.class);

	/**
	 * KEYS: following, followers, generation; ARGV: generation read before counting ('' =
	 * none), following, followers, TTL s.
	 */
	private static final DefaultRedisScript<Long> STORE = new DefaultRedisScript<>("""
			local current = redis.call('GET', KEYS[3]) or ''
			if current ~= ARGV[1] then
			  return 0
			end
			redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[4])
			redis.call('SET', KEYS[2], ARGV[3], 'EX', ARGV[4])
			return 1""", Long.class);

	private static final Logger logger = LoggerFactory.getLogger(RelationCounts.class);

	private final RelationRepository relations;

	private final StringRedisTemplate redis;

	private final RedisNamespace namespace;

	RelationCounts(RelationRepository relations, StringRedisTemplate redis, RedisNamespace namespace) {
		this.relations = relations;
		this.redis = redis;
		this.namespace = namespace;
	}

	@Override
	public RelationSummary summarize(long userId, Long viewerId) {
		RelationRepository.Counts counts = counts(userId);
		boolean followed = viewerId != null && viewerId != userId && this.relations.follows(viewerId, userId);
		return new RelationSummary(counts.following(), counts.followers(), followed);
	}

	RelationRepository.Counts counts(long userId) {
		List<String> keys = keys(userId);
		// Inside a transaction the count may come from a snapshot older than the
		// generation read, which the proof above rules out: such a read counts but never
		// stores (and needs no Redis at all).
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return this.relations.count(userId);
		}
		String generation;
		try {
			List<String> cached = this.redis.opsForValue().multiGet(keys);
			if (cached != null && cached.get(0) != null && cached.get(1) != null) {
				return new RelationRepository.Counts(Long.parseLong(cached.get(0)), Long.parseLong(cached.get(1)));
			}
			generation = (cached != null && cached.get(2) != null) ? cached.get(2) : "";
		}
		catch (DataAccessException ex) {
			logger.warn("Relation counts of user {} not read from Redis: {}", userId, ex.getMessage());
			return this.relations.count(userId);
		}
		RelationRepository.Counts counts = this.relations.count(userId);
		try {
			this.redis.execute(STORE, keys, generation, Long.toString(counts.following()),
					Long.toString(counts.followers()), Long.toString(COUNT_TTL.toSeconds()));
		}
		catch (DataAccessException ex) {
			logger.warn("Relation counts of user {} not stored in Redis: {}", userId, ex.getMessage());
		}
		return counts;
	}

	/**
	 * Drops the copies of these users' counts; call after the change committed. A failure
	 * is logged, not thrown: the change is committed, and the copies expire within
	 * {@link #COUNT_TTL}.
	 */
	void invalidate(long... userIds) {
		List<String> keys = new ArrayList<>();
		for (long userId : userIds) {
			keys.addAll(keys(userId));
		}
		try {
			this.redis.execute(INVALIDATE, keys, UUID.randomUUID().toString(),
					Long.toString(GENERATION_TTL.toSeconds()));
		}
		catch (DataAccessException ex) {
			logger.error("Relation counts of users {} not invalidated in Redis (stale for up to {}): {}",
					java.util.Arrays.toString(userIds), COUNT_TTL, ex.getMessage());
		}
	}

	List<String> keys(long userId) {
		return List.of(this.namespace.key("user:count:following:" + userId),
				this.namespace.key("user:count:followers:" + userId), this.namespace.key("user:count:gen:" + userId));
	}

}
