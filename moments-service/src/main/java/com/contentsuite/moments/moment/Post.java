package com.contentsuite.moments.moment;

import java.time.Instant;
import java.util.List;

/**
 * A live post as read for one viewer: {@code liked} is that viewer's own like, read in
 * the same query as the row.
 */
public record Post(long id, long authorId, String content, List<String> images, Visibility visibility, long likeCount,
		long commentCount, boolean liked, Instant createTime) {

	public boolean isAuthor(long userId) {
		return this.authorId == userId;
	}

}
