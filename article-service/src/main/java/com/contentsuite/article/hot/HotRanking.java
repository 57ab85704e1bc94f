package com.contentsuite.article.hot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.contentsuite.article.article.Engagement;
import com.contentsuite.common.redis.RedisNamespace;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The hot list as a Redis sorted set of article scores. Every write is a script that
 * keeps the score of the newest engagement version only (a hash of versions beside the
 * set), so concurrent updates from any instance, arriving in any order, leave the newest
 * score. While a rebuild runs, writes also go to the set being built, and a deleted
 * article's version becomes a tombstone that no older snapshot can overwrite.
 */
@Component
class HotRanking {

	/** A version no engagement reaches: the tombstone of a deleted article. */
	static final String TOMBSTONE = Long.toString(Long.MAX_VALUE);

	private static final String PUT = """
			local function put(z, v, member, score, version)
			  if tonumber(redis.call('HGET', v, member) or '-1') < tonumber(version) then
			    redis.call('ZADD', z, score, member)
			    redis.call('HSET', v, member, version)
			  end
			end
			""";

	/**
	 * KEYS: set, versions, flag, next set, next versions; ARGV: member, score, version.
	 */
	private static final RedisScript<Long> UPDATE = RedisScript.of(PUT + """
			if redis.call('EXISTS', KEYS[1]) == 1 then put(KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3]) end
			if redis.call('EXISTS', KEYS[3]) == 1 then put(KEYS[4], KEYS[5], ARGV[1], ARGV[2], ARGV[3]) end
			return 1
			""", Long.class);

	/** KEYS as UPDATE; ARGV: member. */
	private static final RedisScript<Long> REMOVE = RedisScript.of("""
			redis.call('ZREM', KEYS[1], ARGV[1])
			if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[2], ARGV[1], ARGV[2]) end
			redis.call('ZREM', KEYS[4], ARGV[1])
			if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('HSET', KEYS[5], ARGV[1], ARGV[2]) end
			return 1
			""", Long.class);

	/**
	 * KEYS: set; ARGV: start, stop. {@code {0}} when the set is missing (to be rebuilt),
	 * else 1 followed by the members. (A nil reply is no answer to tell apart: read as a
	 * list, it arrives as one null member.)
	 */
	private static final RedisScript<List> PAGE = RedisScript.of("""
			if redis.call('EXISTS', KEYS[1]) == 0 then return {0} end
			local page = redis.call('ZREVRANGE', KEYS[1], ARGV[1], ARGV[2])
			table.insert(page, 1, 1)
			return page
			""", List.class);

	/**
	 * KEYS: flag, next set, next versions; ARGV: flag TTL ms, token. 1 when this caller
	 * builds; the flag holds its token, so only the lease's holder can fill and finish.
	 */
	private static final RedisScript<Long> BEGIN = RedisScript.of("""
			if redis.call('SET', KEYS[1], ARGV[2], 'NX', 'PX', ARGV[1]) then
			  redis.call('DEL', KEYS[2], KEYS[3])
			  return 1
			end
			return 0
			""", Long.class);

	/**
	 * KEYS: next set, next versions, flag; ARGV: token, lease ms, then member, score,
	 * version triples. Renews the lease; 0 (and nothing written) when it was lost.
	 */
	private static final RedisScript<Long> FILL = RedisScript.of(PUT + """
			if redis.call('GET', KEYS[3]) ~= ARGV[1] then return 0 end
			redis.call('PEXPIRE', KEYS[3], ARGV[2])
			for i = 3, #ARGV, 3 do put(KEYS[1], KEYS[2], ARGV[i], ARGV[i + 1], ARGV[i + 2]) end
			return 1
			""", Long.class);

	/**
	 * KEYS: set, versions, flag, next set, next versions; ARGV: token. 0 when the lease
	 * was lost.
	 */
	private static final RedisScript<Long> FINISH = RedisScript.of("""
			if redis.call('GET', KEYS[3]) ~= ARGV[1] then return 0 end
			if redis.call('EXISTS', KEYS[4]) == 1 then
			  redis.call('RENAME', KEYS[4], KEYS[1])
			  redis.call('RENAME', KEYS[5], KEYS[2])
			end
			redis.call('DEL', KEYS[3], KEYS[5])
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final List<String> keys;

	HotRanking(StringRedisTemplate redis, RedisNamespace namespace) {
		this.redis = redis;
		// One hash tag: the scripts touch all five keys, which a Redis Cluster wants in
		// one slot.
		String base = namespace.key("article:{hot}");
		this.keys = List.of(base, base + ":versions", base + ":rebuilding", base + ":next", base + ":next:versions");
	}

	void update(Engagement engagement) {
		this.redis.execute(UPDATE, this.keys, HotScore.member(engagement.articleId()),
				Double.toString(HotScore.of(engagement)), Long.toString(engagement.version()));
	}

	void remove(long articleId) {
		this.redis.execute(REMOVE, this.keys, HotScore.member(articleId), TOMBSTONE);
	}

	/** Article IDs from rank {@code start}, or empty when the set is missing. */
	@SuppressWarnings("unchecked")
	Optional<List<Long>> page(long start, int count) {
		List<Object> members = this.redis.execute(PAGE, this.keys.subList(0, 1), Long.toString(start),
				Long.toString(start + count - 1));
		if (members == null || members.isEmpty() || !Long.valueOf(1).equals(members.get(0))) {
			return Optional.empty();
		}
		List<Long> ids = new ArrayList<>(members.size() - 1);
		for (Object member : members.subList(1, members.size())) {
			ids.add(Long.parseLong(member.toString()));
		}
		return Optional.of(ids);
	}

	/**
	 * Claims the rebuild: its token, or null when another caller (or instance) holds it.
	 */
	String beginRebuild(long leaseMillis) {
		String token = UUID.randomUUID().toString();
		Long began = this.redis.execute(BEGIN, List.of(this.keys.get(2), this.keys.get(3), this.keys.get(4)),
				Long.toString(leaseMillis), token);
		return (began != null && began == 1L) ? token : null;
	}

	/** Adds a batch and renews the lease; false when the lease was lost. */
	boolean fill(String token, long leaseMillis, List<Engagement> batch) {
		List<String> args = new ArrayList<>(batch.size() * 3 + 2);
		args.add(token);
		args.add(Long.toString(leaseMillis));
		for (Engagement engagement : batch) {
			args.add(HotScore.member(engagement.articleId()));
			args.add(Double.toString(HotScore.of(engagement)));
			args.add(Long.toString(engagement.version()));
		}
		Long filled = this.redis.execute(FILL, List.of(this.keys.get(3), this.keys.get(4), this.keys.get(2)),
				args.toArray());
		return filled != null && filled == 1L;
	}

	/** Puts the built set in place; false (nothing changed) when the lease was lost. */
	boolean finishRebuild(String token) {
		Long finished = this.redis.execute(FINISH, this.keys, token);
		return finished != null && finished == 1L;
	}

}
