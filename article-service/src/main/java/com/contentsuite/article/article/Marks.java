package com.contentsuite.article.article;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.contentsuite.common.jdbc.LockRetry;

import com.contentsuite.common.jdbc.SqlTimes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Likes and collections. The row and its counter change in one transaction, and the
 * counter only by the rows the statement really inserted or deleted, so the count equals
 * the rows under any interleaving, from any number of instances; the database's key makes
 * a repeat a no-op. The article's row lock, taken first, orders the toggles of an
 * article.
 */
@Service
public class Marks {

	private final JdbcClient jdbc;

	private final ArticleService articles;

	private final ArticleRepository rows;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Notices notices;

	Marks(JdbcClient jdbc, ArticleService articles, ArticleRepository rows, TransactionTemplate transactions,
			Clock clock, Notices notices) {
		this.notices = notices;
		this.jdbc = jdbc;
		this.articles = articles;
		this.rows = rows;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Sets the user's mark on or off and answers the count after the change. */
	public long set(Mark mark, long articleId, long userId, boolean on) {
		// A deadlock victim changed nothing (its transaction was rolled back whole): run
		// again.
		Long count = LockRetry.execute(this.transactions, (status) -> change(mark, articleId, userId, on));
		return (count != null) ? count : 0;
	}

	private long change(Mark mark, long articleId, long userId, boolean on) {
		// The article's row first: every toggle of an article takes its locks in one
		// order (article, then mark row), so two toggles of one user cannot deadlock on
		// the mark row (an INSERT IGNORE's shared lock on a row being deleted, upgraded
		// when the delete commits), and an article deleted since it was read takes no
		// mark.
		Engagement locked = this.rows.lockLive(articleId).orElseThrow(() -> ArticleService.notFound(articleId));
		int changed = on
				? this.jdbc
					.sql("INSERT IGNORE INTO " + mark.table() + " (article_id, user_id, create_time) VALUES (?, ?, ?)")
					.params(articleId, userId, SqlTimes.utc(this.clock.instant()))
					.update()
				: this.jdbc.sql("DELETE FROM " + mark.table() + " WHERE article_id = ? AND user_id = ?")
					.params(articleId, userId)
					.update();
		if (changed == 0) {
			return locked.get(mark.counter());
		}
		if (on) {
			// The row is locked by this transaction: its author and title are as they
			// will commit.
			ArticleRepository.Byline article = this.rows.byline(articleId)
				.orElseThrow(() -> ArticleService.notFound(articleId));
			this.notices.marked(mark, articleId, article.authorId(), article.title(), userId);
		}
		return this.articles.addLocked(locked, mark.counter(), on ? 1 : -1).get(mark.counter());
	}

	/** The live articles {@code userId} marked, the most recent mark first. */
	public List<Article> marked(Mark mark, long userId, long offset, int limit) {
		return this.jdbc
			.sql("SELECT " + ArticleRepository.LIST_COLUMNS + " FROM " + mark.table()
					+ " m JOIN article a ON a.id = m.article_id WHERE m.user_id = ? AND a.deleted = FALSE"
					+ " ORDER BY m.seq DESC LIMIT ? OFFSET ?")
			.params(userId, limit, offset)
			.query(ArticleRepository.ROWS)
			.list();
	}

	/** Which of {@code articleIds} the viewer liked and collected, in one round trip. */
	public Statuses statuses(long userId, Collection<Long> articleIds) {
		Set<Long> liked = new HashSet<>();
		Set<Long> collected = new HashSet<>();
		if (articleIds.isEmpty()) {
			return new Statuses(liked, collected);
		}
		this.jdbc
			.sql("SELECT 'L' AS mark, article_id FROM article_like WHERE user_id = :user AND article_id IN (:ids)"
					+ " UNION ALL SELECT 'C', article_id FROM article_collection WHERE user_id = :user"
					+ " AND article_id IN (:ids)")
			.param("user", userId)
			.param("ids", articleIds)
			.query((rs) -> {
				("L".equals(rs.getString(1)) ? liked : collected).add(rs.getLong(2));
			});
		return new Statuses(liked, collected);
	}

	public boolean has(Mark mark, long articleId, long userId) {
		return this.jdbc.sql("SELECT 1 FROM " + mark.table() + " WHERE article_id = ? AND user_id = ?")
			.params(articleId, userId)
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	/** The viewer's marks among a page of articles. */
	public record Statuses(Set<Long> liked, Set<Long> collected) {

		public static final Statuses NONE = new Statuses(Set.of(), Set.of());

	}

}
