package com.contentsuite.article.collection;

import com.contentsuite.article.like.MarkIntegrationTest;

/**
 * {@code PUT /articles/{articleID}/collections}, {@code collectStatus} in article answers
 * and {@code GET /articles/collections}: the cases of {@link MarkIntegrationTest} for
 * collections.
 */
class CollectionsIntegrationTests extends MarkIntegrationTest {

	CollectionsIntegrationTests() {
		super("collections", "collectStatus", "collects", "article_collection", "likeStatus", "likes");
	}

}
