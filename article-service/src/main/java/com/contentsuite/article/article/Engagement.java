package com.contentsuite.article.article;

import java.time.Instant;

/**
 * An article's counters after a change, as one transaction saw them; {@code version}
 * grows with every change, so of two updates the newer one is known.
 */
public record Engagement(long articleId, long hits, long likes, long collects, long comments, long version,
		Instant createTime) {

	/** These counters with {@code delta} added to one, one version later. */
	Engagement plus(Counter counter, long delta) {
		return new Engagement(this.articleId, this.hits + ((counter == Counter.HITS) ? delta : 0),
				this.likes + ((counter == Counter.LIKES) ? delta : 0),
				this.collects + ((counter == Counter.COLLECTS) ? delta : 0),
				this.comments + ((counter == Counter.COMMENTS) ? delta : 0), this.version + 1, this.createTime);
	}

	long get(Counter counter) {
		return switch (counter) {
			case HITS -> this.hits;
			case LIKES -> this.likes;
			case COLLECTS -> this.collects;
			case COMMENTS -> this.comments;
		};
	}

}
