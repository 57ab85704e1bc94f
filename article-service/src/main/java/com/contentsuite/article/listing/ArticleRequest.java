package com.contentsuite.article.listing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code {"title", "content"}} of a new or edited article; fields the server owns
 * (authorID, likes, ...) are ignored. Lengths are checked in code points by the core.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ArticleRequest(String title, String content) {

}
