package com.contentsuite.user.relation;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of follow and blacklist rows. Every statement is one round trip; the writes are
 * run by {@link RelationService} inside its transactions.
 */
@Repository
class RelationRepository {

	// A viewer ID no user has: the LEFT JOIN then finds nothing for an anonymous viewer.
	private static final long NOBODY = 0;

	private final JdbcClient jdbc;

	RelationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the profile rows of both users (ascending ID, so two changes never wait for
	 * each other in opposite orders) and answers which of them exist.
	 */
	List<Long> lockUsers(long first, long second) {
		return this.jdbc
			.sql("SELECT user_id FROM user_profile WHERE user_id IN (:first, :second) ORDER BY user_id FOR UPDATE")
			.param("first", first)
			.param("second", second)
			.query(Long.class)
			.list();
	}

	boolean userExists(long userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM user_profile WHERE user_id = :userId")
			.param("userId", userId)
			.query(Long.class)
			.single() > 0;
	}

	boolean follows(long userId, long targetId) {
		return exists("user_follow", userId, targetId);
	}

	boolean blacklisted(long userId, long targetId) {
		return exists("user_blacklist", userId, targetId);
	}

	private boolean exists(String table, long userId, long targetId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE user_id = :userId AND target_id = :targetId")
			.param("userId", userId)
			.param("targetId", targetId)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether a row was added: {@code false} when it was there already. */
	boolean insertFollow(long userId, long targetId, Timestamp now) {
		return insert("user_follow", userId, targetId, now);
	}

	boolean insertBlacklist(long userId, long targetId, Timestamp now) {
		return insert("user_blacklist", userId, targetId, now);
	}

	private boolean insert(String table, long userId, long targetId, Timestamp now) {
		return this.jdbc
			.sql("INSERT IGNORE INTO " + table + " (user_id, target_id, create_time) VALUES (:userId, :targetId, :now)")
			.param("userId", userId)
			.param("targetId", targetId)
			.param("now", now)
			.update() == 1;
	}

	/** Whether a row was removed. */
	boolean deleteFollow(long userId, long targetId) {
		return delete("user_follow", userId, targetId) == 1;
	}

	boolean deleteBlacklist(long userId, long targetId) {
		return delete("user_blacklist", userId, targetId) == 1;
	}

	/** Removes the follow relations between two users in both directions. */
	int deleteFollowsBetween(long first, long second) {
		return delete("user_follow", first, second) + delete("user_follow", second, first);
	}

	private int delete(String table, long userId, long targetId) {
		return this.jdbc.sql("DELETE FROM " + table + " WHERE user_id = :userId AND target_id = :targetId")
			.param("userId", userId)
			.param("targetId", targetId)
			.update();
	}

	/**
	 * Both counts of a user in one statement, so both come from one snapshot: read
	 * outside any transaction, that snapshot is taken when the statement starts.
	 */
	Counts count(long userId) {
		return this.jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM user_follow WHERE user_id = :userId) AS following,
				(SELECT COUNT(*) FROM user_follow WHERE target_id = :userId) AS followers""")
			.param("userId", userId)
			.query((rs, row) -> new Counts(rs.getLong("following"), rs.getLong("followers")))
			.single();
	}

	/**
	 * Whom {@code userId} follows, newest first, with whether the viewer follows each.
	 */
	List<Listed> followings(long userId, Long viewerId, long offset, int limit) {
		return listed("""
				SELECT f.target_id AS listed, (v.user_id IS NOT NULL) AS followed
				FROM user_follow f
				LEFT JOIN user_follow v ON v.user_id = :viewerId AND v.target_id = f.target_id
				WHERE f.user_id = :userId
				ORDER BY f.create_time DESC, f.target_id DESC LIMIT :limit OFFSET :offset""", userId, viewerId, offset,
				limit);
	}

	/** Who follows {@code userId}, newest first, with whether the viewer follows each. */
	List<Listed> followers(long userId, Long viewerId, long offset, int limit) {
		return listed("""
				SELECT f.user_id AS listed, (v.user_id IS NOT NULL) AS followed
				FROM user_follow f
				LEFT JOIN user_follow v ON v.user_id = :viewerId AND v.target_id = f.user_id
				WHERE f.target_id = :userId
				ORDER BY f.create_time DESC, f.user_id DESC LIMIT :limit OFFSET :offset""", userId, viewerId, offset,
				limit);
	}

	private List<Listed> listed(String sql, long userId, Long viewerId, long offset, int limit) {
		return this.jdbc.sql(sql)
			.param("userId", userId)
			.param("viewerId", (viewerId != null) ? viewerId : NOBODY)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> new Listed(rs.getLong("listed"), rs.getBoolean("followed")))
			.list();
	}

	/** Whom {@code userId} blacklisted, newest first. */
	List<Long> blacklist(long userId, long offset, int limit) {
		return this.jdbc.sql("""
				SELECT target_id FROM user_blacklist WHERE user_id = :userId
				ORDER BY create_time DESC, target_id DESC LIMIT :limit OFFSET :offset""")
			.param("userId", userId)
			.param("limit", limit)
			.param("offset", offset)
			.query(Long.class)
			.list();
	}

	/** Every user {@code userId} follows, newest first. */
	List<Long> followingIds(long userId) {
		return this.jdbc
			.sql("SELECT target_id FROM user_follow WHERE user_id = :userId ORDER BY create_time DESC, target_id DESC")
			.param("userId", userId)
			.query(Long.class)
			.list();
	}

	/** Which of the (owner, target) pairs are blacklist rows, in one query. */
	List<Pair> blacklistedPairs(Collection<Pair> pairs) {
		List<Object[]> tuples = pairs.stream().map((pair) -> new Object[] { pair.owner(), pair.target() }).toList();
		return this.jdbc.sql("SELECT user_id, target_id FROM user_blacklist WHERE (user_id, target_id) IN (:pairs)")
			.param("pairs", tuples)
			.query((rs, row) -> new Pair(rs.getLong("user_id"), rs.getLong("target_id")))
			.list();
	}

	/**
	 * Which of {@code owners} the viewer follows and which blacklisted the viewer: one
	 * query, each half a primary-key lookup per owner.
	 */
	ViewerRelations viewerRelations(long viewer, Collection<Long> owners) {
		Set<Long> following = new HashSet<>();
		Set<Long> blockedBy = new HashSet<>();
		this.jdbc.sql("""
				SELECT target_id AS owner, 'F' AS kind FROM user_follow
				WHERE user_id = :viewer AND target_id IN (:owners)
				UNION ALL
				SELECT user_id AS owner, 'B' AS kind FROM user_blacklist
				WHERE user_id IN (:owners) AND target_id = :viewer""")
			.param("viewer", viewer)
			.param("owners", owners)
			.query((rs) -> {
				("F".equals(rs.getString("kind")) ? following : blockedBy).add(rs.getLong("owner"));
			});
		return new ViewerRelations(following, blockedBy);
	}

	record ViewerRelations(Set<Long> following, Set<Long> blockedBy) {
	}

	record Counts(long following, long followers) {
	}

	record Listed(long userId, boolean followed) {
	}

	record Pair(long owner, long target) {
	}

}
