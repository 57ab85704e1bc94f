package com.contentsuite.article.article;

import java.time.Instant;

/**
 * An article's counters after a change, as one transaction saw them; {@code version}
 * grows with every change, so of two updates the newer one is known.
 */
public record Engagement(long articleId, long hits, long likes, long collects, long comments, long version,
		Instant createTime) {

}
