package com.contentsuite.article.comment;

import java.time.Instant;

/**
 * A comment row: {@code rootId} 0 and {@code depth} 1 on a top-level comment, else the
 * top-level comment of its tree and its depth below it (at most {@link #MAX_DEPTH}).
 */
record Comment(long id, long articleId, long rootId, long parentId, int depth, long authorId, String content,
		boolean deleted, boolean shown, Instant createTime) {

	static final int MAX_DEPTH = 8;

	/** The top-level comment of this comment's tree. */
	long tree() {
		return (this.rootId == 0) ? this.id : this.rootId;
	}

}
