package com.contentsuite.article.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.contentsuite.common.jdbc.SqlTimes;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The article table in plain SQL: every method is one round trip, so what a request costs
 * can be read off the code. Lists read every column but {@code content}.
 */
@Repository
public class ArticleRepository {

	/** The columns of a list item, for features that join the article table. */
	public static final String LIST_COLUMNS = "a.id, a.author_id, a.title, NULL AS content, a.summary, a.hits,"
			+ " a.likes, a.collects, a.comments, a.engagement_version, a.deleted, a.create_time, a.update_time";

	private static final String ALL_COLUMNS = LIST_COLUMNS.replace("NULL AS content", "a.content");

	/** Maps the columns of {@link #LIST_COLUMNS} (or all of them). */
	public static final RowMapper<Article> ROWS = ArticleRepository::map;

	/**
	 * The hot score of docs/api.md in SQL, for the fallback when the Redis ranking is
	 * out; a double division ({@code e0}), as in Java, not a decimal one.
	 */
	static final String HOT_SCORE = "LOG10(GREATEST(1, a.hits + 3 * a.likes + 5 * a.comments + 8 * a.collects))"
			+ " + FLOOR(UNIX_TIMESTAMP(a.create_time)) / 45000e0";

	private final JdbcClient jdbc;

	ArticleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long authorId, String title, String content, String summary, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO article (author_id, title, content, summary, create_time, update_time)"
					+ " VALUES (?, ?, ?, ?, ?, ?)")
			.params(authorId, title, content, summary, SqlTimes.utc(now), SqlTimes.utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public Optional<Article> findLive(long id) {
		return this.jdbc.sql("SELECT " + ALL_COLUMNS + " FROM article a WHERE a.id = ? AND a.deleted = FALSE")
			.param(id)
			.query(ROWS)
			.optional();
	}

	/** The author and title of an article, for a notification. */
	Optional<Byline> byline(long id) {
		return this.jdbc.sql("SELECT author_id, title FROM article WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Byline(rs.getLong("author_id"), rs.getString("title")))
			.optional();
	}

	record Byline(long authorId, String title) {
	}

	/** The author of a live article: the one column a toggle or a hit needs. */
	public Optional<Long> liveAuthor(long id) {
		return this.jdbc.sql("SELECT author_id FROM article WHERE id = ? AND deleted = FALSE")
			.param(id)
			.query(Long.class)
			.optional();
	}

	/** The live article, its row locked until the transaction ends (an edit). */
	Optional<Article> lockForEdit(long id) {
		return this.jdbc
			.sql("SELECT " + ALL_COLUMNS + " FROM article a WHERE a.id = ? AND a.deleted = FALSE FOR UPDATE")
			.param(id)
			.query(ROWS)
			.optional();
	}

	int update(long id, String title, String content, String summary, Instant now) {
		return this.jdbc
			.sql("UPDATE article SET title = ?, content = ?, summary = ?, update_time = ?"
					+ " WHERE id = ? AND deleted = FALSE")
			.params(title, content, summary, SqlTimes.utc(now), id)
			.update();
	}

	int markDeleted(long id, Instant now) {
		return this.jdbc.sql("UPDATE article SET deleted = TRUE, update_time = ? WHERE id = ? AND deleted = FALSE")
			.params(SqlTimes.utc(now), id)
			.update();
	}

	/**
	 * Adds {@code delta} to a counter and reads the counters back, inside the caller's
	 * transaction: the row lock the update takes orders concurrent changes, so the
	 * version read is this change's.
	 */
	Optional<Engagement> add(long id, Counter counter, long delta) {
		// A deleted article's counters stay: a hit or comment racing the deletion is
		// 1004.
		int updated = this.jdbc
			.sql("UPDATE article SET " + counter.column() + " = " + counter.column()
					+ " + ?, engagement_version = engagement_version + 1 WHERE id = ? AND deleted = FALSE")
			.params(delta, id)
			.update();
		if (updated == 0) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("SELECT id, hits, likes, collects, comments, engagement_version, create_time FROM article"
					+ " WHERE id = ?")
			.param(id)
			.query(ArticleRepository::engagement)
			.optional();
	}

	/**
	 * Locks a live article's row until the transaction ends and reads its counters: with
	 * the lock held they stay what was read, so a change can add to them without reading
	 * them back.
	 */
	Optional<Engagement> lockLive(long id) {
		return this.jdbc
			.sql("SELECT id, hits, likes, collects, comments, engagement_version, create_time FROM article"
					+ " WHERE id = ? AND deleted = FALSE FOR UPDATE")
			.param(id)
			.query(ArticleRepository::engagement)
			.optional();
	}

	/** Adds to a counter of a row the caller's transaction has locked. */
	void addLocked(long id, Counter counter, long delta) {
		this.jdbc
			.sql("UPDATE article SET " + counter.column() + " = " + counter.column()
					+ " + ?, engagement_version = engagement_version + 1 WHERE id = ?")
			.params(delta, id)
			.update();
	}

	/** A counter of a live article: empty when there is none. */
	public Optional<Long> liveCount(long id, Counter counter) {
		return this.jdbc.sql("SELECT " + counter.column() + " FROM article WHERE id = ? AND deleted = FALSE")
			.param(id)
			.query(Long.class)
			.optional();
	}

	public List<Article> newest(long offset, int limit) {
		return this.jdbc
			.sql("SELECT " + LIST_COLUMNS
					+ " FROM article a WHERE a.deleted = FALSE ORDER BY a.id DESC LIMIT ? OFFSET ?")
			.params(limit, offset)
			.query(ROWS)
			.list();
	}

	public List<Article> byAuthor(long authorId, long offset, int limit) {
		return this.jdbc
			.sql("SELECT " + LIST_COLUMNS + " FROM article a WHERE a.author_id = ? AND a.deleted = FALSE"
					+ " ORDER BY a.id DESC LIMIT ? OFFSET ?")
			.params(authorId, limit, offset)
			.query(ROWS)
			.list();
	}

	/** The live ones among {@code ids}, in no particular order. */
	public List<Article> liveByIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + LIST_COLUMNS + " FROM article a WHERE a.id IN (:ids) AND a.deleted = FALSE")
			.param("ids", ids)
			.query(ROWS)
			.list();
	}

	/** The hot list straight from the rows: score first, newer first on a tie. */
	public List<Article> hottest(long offset, int limit) {
		return this.jdbc
			.sql("SELECT " + LIST_COLUMNS + " FROM article a WHERE a.deleted = FALSE ORDER BY " + HOT_SCORE
					+ " DESC, a.id DESC LIMIT ? OFFSET ?")
			.params(limit, offset)
			.query(ROWS)
			.list();
	}

	/** Every live article's counters, streamed (a rebuild of the hot list). */
	public void eachEngagement(Consumer<Engagement> consumer) {
		this.jdbc
			.sql("SELECT id, hits, likes, collects, comments, engagement_version, create_time FROM article"
					+ " WHERE deleted = FALSE")
			.query((rs) -> {
				consumer.accept(engagement(rs, 0));
			});
	}

	private static Article map(ResultSet rs, int row) throws SQLException {
		return new Article(rs.getLong("id"), rs.getLong("author_id"), rs.getString("title"), rs.getString("content"),
				rs.getString("summary"), rs.getLong("hits"), rs.getLong("likes"), rs.getLong("collects"),
				rs.getLong("comments"), rs.getLong("engagement_version"), rs.getBoolean("deleted"),
				SqlTimes.instant(rs, "create_time"), SqlTimes.instant(rs, "update_time"));
	}

	private static Engagement engagement(ResultSet rs, int row) throws SQLException {
		return new Engagement(rs.getLong("id"), rs.getLong("hits"), rs.getLong("likes"), rs.getLong("collects"),
				rs.getLong("comments"), rs.getLong("engagement_version"), SqlTimes.instant(rs, "create_time"));
	}

}
