package com.contentsuite.moments.moment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.contentsuite.common.jdbc.SqlTimes;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The post table in plain SQL, one round trip a method. Every read of posts for a viewer
 * reads the viewer's own like in the same statement, so a page costs one query for its
 * rows and likes.
 */
@Repository
public class PostRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<String>> URLS = new TypeReference<>() {
	};

	/** The columns of {@link #ROWS}, the viewer's like as {@code :viewer}. */
	private static final String COLUMNS = "p.id, p.author_id, p.content, p.images, p.visibility, p.like_count,"
			+ " p.comment_count, p.create_time,"
			+ " EXISTS (SELECT 1 FROM moment_like l WHERE l.post_id = p.id AND l.user_id = :viewer) AS liked";

	private static final RowMapper<Post> ROWS = PostRepository::map;

	private final JdbcClient jdbc;

	PostRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long authorId, String content, List<String> images, Visibility visibility, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO moment_post (author_id, content, images, visibility, create_time)"
					+ " VALUES (?, ?, ?, ?, ?)")
			.params(authorId, content, JSON.writeValueAsString(images), visibility.code(), SqlTimes.utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** The live post with {@code viewer}'s like. */
	public Optional<Post> findLive(long id, long viewer) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM moment_post p WHERE p.id = :id AND p.deleted = FALSE")
			.param("id", id)
			.param("viewer", viewer)
			.query(ROWS)
			.optional();
	}

	/** The author and visibility of a live post: what deciding who may see it needs. */
	public Optional<Audience> audienceOf(long id) {
		return this.jdbc.sql("SELECT author_id, visibility FROM moment_post WHERE id = ? AND deleted = FALSE")
			.param(id)
			.query((rs, row) -> new Audience(rs.getLong("author_id"), Visibility.of(rs.getInt("visibility"))))
			.optional();
	}

	/**
	 * Locks the live post's row until the transaction ends and answers its counts: every
	 * change of a post's likes or comments takes this lock first, so they are ordered,
	 * and a post deleted since it was read takes none. The same statement reads the start
	 * of the post's text, the excerpt of a like's notification.
	 */
	public Optional<Counts> lockLive(long id) {
		return this.jdbc
			.sql("SELECT author_id, like_count, comment_count, LEFT(content, " + Counts.EXCERPT_LENGTH
					+ ") AS excerpt FROM moment_post WHERE id = ? AND deleted = FALSE FOR UPDATE")
			.param(id)
			.query((rs, row) -> new Counts(rs.getLong("author_id"), rs.getLong("like_count"),
					rs.getLong("comment_count"), rs.getString("excerpt")))
			.optional();
	}

	/** Moves the like count of a post locked by {@link #lockLive}. */
	public void addLikes(long id, long delta) {
		this.jdbc.sql("UPDATE moment_post SET like_count = like_count + ? WHERE id = ?").params(delta, id).update();
	}

	/** Moves the comment count of a post locked by {@link #lockLive}. */
	public void addComments(long id, long delta) {
		this.jdbc.sql("UPDATE moment_post SET comment_count = comment_count + ? WHERE id = ?")
			.params(delta, id)
			.update();
	}

	/** Whether the author's live post was deleted by this call. */
	boolean delete(long id, long authorId) {
		return this.jdbc.sql("UPDATE moment_post SET deleted = TRUE WHERE id = ? AND author_id = ? AND deleted = FALSE")
			.params(id, authorId)
			.update() == 1;
	}

	/**
	 * A page of a feed, newest first: the viewer's own posts whatever their visibility,
	 * and the posts of {@code followed} (whom the viewer follows) that are not the
	 * author's alone.
	 */
	public List<Post> feed(long viewer, Collection<Long> followed, long offset, int limit) {
		String others = followed.isEmpty() ? ""
				: " OR (p.author_id IN (:followed) AND p.visibility <> " + Visibility.ONLY_ME.code() + ")";
		JdbcClient.StatementSpec statement = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM moment_post p WHERE p.deleted = FALSE AND (p.author_id = :viewer" + others
					+ ") ORDER BY p.id DESC LIMIT :limit OFFSET :offset")
			.param("viewer", viewer)
			.param("limit", limit)
			.param("offset", offset);
		if (!followed.isEmpty()) {
			statement = statement.param("followed", followed);
		}
		return statement.query(ROWS).list();
	}

	/**
	 * A page of one author's live posts of at most {@code widest} visibility, newest
	 * first.
	 */
	public List<Post> byAuthor(long viewer, long authorId, Visibility widest, long offset, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM moment_post p WHERE p.author_id = :author AND p.deleted = FALSE"
					+ " AND p.visibility <= :widest ORDER BY p.id DESC LIMIT :limit OFFSET :offset")
			.param("viewer", viewer)
			.param("author", authorId)
			.param("widest", widest.code())
			.param("limit", limit)
			.param("offset", offset)
			.query(ROWS)
			.list();
	}

	private static Post map(ResultSet rs, int row) throws SQLException {
		return new Post(rs.getLong("id"), rs.getLong("author_id"), rs.getString("content"),
				JSON.readValue(rs.getString("images"), URLS), Visibility.of(rs.getInt("visibility")),
				rs.getLong("like_count"), rs.getLong("comment_count"), rs.getBoolean("liked"),
				SqlTimes.instant(rs, "create_time"));
	}

	/** Who wrote a post and for whom. */
	public record Audience(long authorId, Visibility visibility) {
	}

	/**
	 * A locked post's author and counts, and the first {@value #EXCERPT_LENGTH}
	 * characters of its text.
	 */
	public record Counts(long authorId, long likeCount, long commentCount, String excerpt) {

		/**
		 * The characters of the text {@link #lockLive} reads: a notification's excerpt.
		 */
		public static final int EXCERPT_LENGTH = 50;

	}

}
