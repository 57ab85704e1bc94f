package com.contentsuite.moments.like;

import java.time.Clock;
import java.util.List;

import com.contentsuite.common.jdbc.LockRetry;
import com.contentsuite.common.jdbc.SqlTimes;
import com.contentsuite.moments.moment.PostRepository;
import com.contentsuite.moments.moment.PostRepository.Counts;
import com.contentsuite.moments.moment.Posts;
import com.contentsuite.moments.people.Audiences;
import com.contentsuite.moments.people.Notices;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Likes of a post. The like row and the post's {@code like_count} change in one
 * transaction under the post's row lock, and the count only by the rows the statement
 * really inserted or deleted, so {@code likeCount} equals the rows under any interleaving
 * of calls from any number of instances; the primary key (postID, userID) makes a second
 * like a no-op. A like that inserted its row tells the post's author
 * ({@code moment_like}), in the same transaction.
 */
@Service
class Likes {

	private final JdbcClient jdbc;

	private final Posts posts;

	private final PostRepository rows;

	private final Audiences audiences;

	private final Notices notices;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Likes(JdbcClient jdbc, Posts posts, PostRepository rows, Audiences audiences, Notices notices,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.posts = posts;
		this.rows = rows;
		this.audiences = audiences;
		this.notices = notices;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Likes the post or takes the like back, and answers the like count after it. */
	long set(long postId, long userId, boolean cancel) {
		// Who may see it is decided before the transaction: no row lock is held while
		// user-service is asked.
		this.audiences.requireVisible(this.posts.audienceOf(postId), userId);
		Long count = LockRetry.execute(this.transactions, (status) -> change(postId, userId, cancel));
		return (count != null) ? count : 0;
	}

	private long change(long postId, long userId, boolean cancel) {
		// The post's row first: every like of a post takes its locks in one order (post,
		// then like row), so two calls of one user cannot deadlock on the like row, and a
		// post deleted since it was read takes no like.
		Counts locked = this.rows.lockLive(postId).orElseThrow(Posts::notFound);
		int changed = cancel
				? this.jdbc.sql("DELETE FROM moment_like WHERE post_id = ? AND user_id = ?")
					.params(postId, userId)
					.update()
				: this.jdbc.sql("INSERT IGNORE INTO moment_like (post_id, user_id, create_time) VALUES (?, ?, ?)")
					.params(postId, userId, SqlTimes.utc(this.clock.instant()))
					.update();
		if (changed == 0) {
			return locked.likeCount();
		}
		long delta = cancel ? -1 : 1;
		this.rows.addLikes(postId, delta);
		if (!cancel) {
			// Only a like that really inserted its row, in its transaction: a second like
			// changes nothing and tells nobody, an un-like tells nobody.
			this.notices.liked(locked.authorId(), userId, postId, locked.excerpt());
		}
		return locked.likeCount() + delta;
	}

	/** Who liked a post, the most recent like first. */
	List<Long> likers(long postId, long offset, int limit) {
		return this.jdbc.sql("SELECT user_id FROM moment_like WHERE post_id = ? ORDER BY seq DESC LIMIT ? OFFSET ?")
			.params(postId, limit, offset)
			.query(Long.class)
			.list();
	}

}
