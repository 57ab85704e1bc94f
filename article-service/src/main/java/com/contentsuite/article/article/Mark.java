package com.contentsuite.article.article;

/**
 * A per-user mark on an article, one row per (article, user) in its own table, counted by
 * one of the article's counters.
 */
public enum Mark {

	LIKE("article_like", Counter.LIKES), COLLECT("article_collection", Counter.COLLECTS);

	private final String table;

	private final Counter counter;

	Mark(String table, Counter counter) {
		this.table = table;
		this.counter = counter;
	}

	String table() {
		return this.table;
	}

	Counter counter() {
		return this.counter;
	}

}
