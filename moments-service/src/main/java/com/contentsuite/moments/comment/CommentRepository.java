package com.contentsuite.moments.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import com.contentsuite.common.jdbc.SqlTimes;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The comment table in plain SQL, one round trip a method. */
@Repository
public class CommentRepository {

	private static final String COLUMNS = "id, post_id, author_id, reply_to_id, content, create_time";

	private static final RowMapper<MomentComment> ROWS = CommentRepository::map;

	private final JdbcClient jdbc;

	CommentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long postId, long authorId, Long replyToId, String content, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO moment_comment (post_id, author_id, reply_to_id, content, create_time)"
					+ " VALUES (?, ?, ?, ?, ?)")
			.params(postId, authorId, replyToId, content, SqlTimes.utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<MomentComment> findLive(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM moment_comment WHERE id = ? AND deleted = FALSE")
			.param(id)
			.query(ROWS)
			.optional();
	}

	/** Whether this call deleted the live comment (a concurrent delete did not). */
	boolean delete(long id) {
		return this.jdbc.sql("UPDATE moment_comment SET deleted = TRUE WHERE id = ? AND deleted = FALSE")
			.param(id)
			.update() == 1;
	}

	boolean hasCommented(long postId, long userId) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM moment_comment WHERE post_id = ? AND author_id = ? AND deleted = FALSE)")
			.params(postId, userId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The newest {@code perPost} live comments of each post, oldest first per post, in
	 * one statement for a whole page of posts: a {@code UNION ALL} of one index range
	 * read per post ({@code (post_id, deleted, id)} backwards, stopping after
	 * {@code perPost} rows), so a post with a hundred thousand comments costs what one
	 * with twenty does. A window over all the comments of the page would read them all.
	 */
	public List<MomentComment> newest(Collection<Long> postIds, int perPost) {
		if (postIds.isEmpty()) {
			return List.of();
		}
		String one = "(SELECT " + COLUMNS + " FROM moment_comment WHERE post_id = ? AND deleted = FALSE"
				+ " ORDER BY id DESC LIMIT " + perPost + ")";
		List<Long> ids = List.copyOf(postIds);
		String sql = String.join(" UNION ALL ", Collections.nCopies(ids.size(), one)) + " ORDER BY post_id, id";
		return this.jdbc.sql(sql).params(ids.toArray()).query(ROWS).list();
	}

	private static MomentComment map(ResultSet rs, int row) throws SQLException {
		// Read as an object: wasNull() would tell about the column read last.
		Long replyTo = rs.getObject("reply_to_id", Long.class);
		return new MomentComment(rs.getLong("id"), rs.getLong("post_id"), rs.getLong("author_id"), replyTo,
				rs.getString("content"), SqlTimes.instant(rs, "create_time"));
	}

}
