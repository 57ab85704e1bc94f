package com.contentsuite.article.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.contentsuite.article.article.ArticleRepository;

import com.contentsuite.common.jdbc.SqlTimes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The comment table in plain SQL, one round trip a method. */
@Repository
class CommentRepository {

	private static final String COLUMNS = "id, article_id, root_id, parent_id, depth, author_id, content, deleted,"
			+ " shown, create_time";

	private final JdbcClient jdbc;

	CommentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long articleId, long rootId, long parentId, int depth, long authorId, String content, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO article_comment (article_id, root_id, parent_id, depth, author_id, content, create_time)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(articleId, rootId, parentId, depth, authorId, content, SqlTimes.utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Comment> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM article_comment WHERE id = ?")
			.param(id)
			.query(CommentRepository::map)
			.optional();
	}

	/**
	 * Locks a comment row until the transaction ends; every change to a tree locks its
	 * top-level comment first, so changes to one tree run one after another.
	 */
	Optional<Comment> lock(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM article_comment WHERE id = ? FOR UPDATE")
			.param(id)
			.query(CommentRepository::map)
			.optional();
	}

	int markDeleted(long id) {
		return this.jdbc.sql("UPDATE article_comment SET deleted = TRUE WHERE id = ? AND deleted = FALSE")
			.param(id)
			.update();
	}

	void hide(long id) {
		this.jdbc.sql("UPDATE article_comment SET shown = FALSE WHERE id = ?").param(id).update();
	}

	boolean hasShownReplies(long id) {
		return this.jdbc.sql("SELECT 1 FROM article_comment WHERE parent_id = ? AND shown = TRUE LIMIT 1")
			.param(id)
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	/** A page of top-level comments still in the tree, newest first. */
	List<Comment> topLevel(long articleId, long offset, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM article_comment WHERE article_id = ? AND parent_id = 0 AND shown = TRUE"
					+ " ORDER BY id DESC LIMIT ? OFFSET ?")
			.params(articleId, limit, offset)
			.query(CommentRepository::map)
			.list();
	}

	/**
	 * Every reply still in the trees of {@code rootIds}, oldest first: one query a page.
	 */
	List<Comment> replies(Collection<Long> rootIds) {
		if (rootIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM article_comment WHERE root_id IN (:roots) AND shown = TRUE ORDER BY id")
			.param("roots", rootIds)
			.query(CommentRepository::map)
			.list();
	}

	private static Comment map(ResultSet rs, int row) throws SQLException {
		return new Comment(rs.getLong("id"), rs.getLong("article_id"), rs.getLong("root_id"), rs.getLong("parent_id"),
				rs.getInt("depth"), rs.getLong("author_id"), rs.getString("content"), rs.getBoolean("deleted"),
				rs.getBoolean("shown"), SqlTimes.instant(rs, "create_time"));
	}

}
