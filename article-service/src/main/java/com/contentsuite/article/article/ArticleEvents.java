package com.contentsuite.article.article;

/**
 * What the core tells the features around it (the hot list) after a transaction
 * committed, so that it depends on none of them.
 */
public final class ArticleEvents {

	private ArticleEvents() {
	}

	/** A new article, or one whose counters changed. */
	public record EngagementChanged(Engagement engagement) {
	}

	/** An article was deleted: it leaves every list at once. */
	public record Deleted(long articleId) {
	}

}
