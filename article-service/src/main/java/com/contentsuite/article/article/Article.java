package com.contentsuite.article.article;

import java.time.Instant;

/** An article row as stored; {@code content} is null where a list did not read it. */
public record Article(long id, long authorId, String title, String content, String summary, long hits, long likes,
		long collects, long comments, long engagementVersion, boolean deleted, Instant createTime, Instant updateTime) {

	/** What the hot score is computed from, with the version that orders such updates. */
	public Engagement engagement() {
		return new Engagement(this.id, this.hits, this.likes, this.collects, this.comments, this.engagementVersion,
				this.createTime);
	}

}
