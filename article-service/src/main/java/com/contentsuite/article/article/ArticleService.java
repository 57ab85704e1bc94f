package com.contentsuite.article.article;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.contentsuite.article.article.ArticleEvents.Deleted;
import com.contentsuite.article.article.ArticleEvents.EngagementChanged;
import com.contentsuite.common.web.ApiException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing, editing and deleting articles, and the counters the features around change.
 */
@Service
public class ArticleService {

	private final ArticleRepository articles;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ArticleService(ArticleRepository articles, ApplicationEventPublisher events, Clock clock) {
		this.articles = articles;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public long create(long authorId, String title, String content) {
		String checkedTitle = ArticleRules.title(title);
		String checkedContent = ArticleRules.content(content);
		Instant now = now();
		long id = this.articles.insert(authorId, checkedTitle, checkedContent, Summaries.of(checkedContent), now);
		this.events.publishEvent(new EngagementChanged(new Engagement(id, 0, 0, 0, 0, 0, now)));
		return id;
	}

	/** The live article, or 1004. */
	public Article require(long id) {
		return this.articles.findLive(id).orElseThrow(() -> notFound(id));
	}

	/** The author of the live article, or 1004; reads no content. */
	public long requireAuthor(long id) {
		return this.articles.liveAuthor(id).orElseThrow(() -> notFound(id));
	}

	/** Changes what is given ({@code null} keeps it); the owner only. */
	@Transactional
	public Article edit(long id, long userId, String title, String content) {
		if (title == null && content == null) {
			throw ApiException.args("title or content is required");
		}
		// Locked: two partial edits at once must not write back each other's old values.
		Article article = owned(this.articles.lockForEdit(id).orElseThrow(() -> notFound(id)), userId);
		String newTitle = (title != null) ? ArticleRules.title(title) : article.title();
		String newContent = (content != null) ? ArticleRules.content(content) : article.content();
		String summary = (content != null) ? Summaries.of(newContent) : article.summary();
		if (this.articles.update(id, newTitle, newContent, summary, now()) == 0) {
			throw notFound(id);
		}
		return require(id);
	}

	@Transactional
	public void delete(long id, long userId) {
		requireOwned(id, userId);
		if (this.articles.markDeleted(id, now()) == 0) {
			throw notFound(id);
		}
		this.events.publishEvent(new Deleted(id));
	}

	/**
	 * Adds {@code delta} to a counter in the caller's transaction, next to the row change
	 * it counts, and tells the hot list once that transaction commits.
	 */
	@Transactional
	public Engagement add(long id, Counter counter, long delta) {
		Engagement engagement = this.articles.add(id, counter, delta).orElseThrow(() -> notFound(id));
		this.events.publishEvent(new EngagementChanged(engagement));
		return engagement;
	}

	/**
	 * As {@link #add}, on a row the caller's transaction locked with
	 * {@link ArticleRepository#lockLive}: one statement, the counters known from the
	 * lock.
	 */
	@Transactional
	public Engagement addLocked(Engagement locked, Counter counter, long delta) {
		this.articles.addLocked(locked.articleId(), counter, delta);
		Engagement engagement = locked.plus(counter, delta);
		this.events.publishEvent(new EngagementChanged(engagement));
		return engagement;
	}

	private Article requireOwned(long id, long userId) {
		return owned(require(id), userId);
	}

	private static Article owned(Article article, long userId) {
		if (article.authorId() != userId) {
			throw ApiException.noPermission("only the author may change this article");
		}
		return article;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	public static ApiException notFound(long id) {
		return ApiException.notFound("article " + id + " does not exist");
	}

}
