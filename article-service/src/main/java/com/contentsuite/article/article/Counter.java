package com.contentsuite.article.article;

/** The counters of an article; each is changed only together with what it counts. */
public enum Counter {

	HITS("hits"), LIKES("likes"), COLLECTS("collects"), COMMENTS("comments");

	private final String column;

	Counter(String column) {
		this.column = column;
	}

	String column() {
		return this.column;
	}

}
