package com.contentsuite.article.like;

/**
 * {@code PUT /articles/{articleID}/likes}, {@code likeStatus} in article answers and
 * {@code GET /articles/likes}: the cases of {@link MarkIntegrationTest} for likes.
 */
class LikesIntegrationTests extends MarkIntegrationTest {

	LikesIntegrationTests() {
		super("likes", "likeStatus", "likes", "article_like", "collectStatus", "collects");
	}

}
