package com.contentsuite.article.article;

import com.contentsuite.common.web.ApiException;

/**
 * Lengths of docs/api.md section 4 in characters (code points, as a reader counts them,
 * not UTF-16 units).
 */
final class ArticleRules {

	static final int MAX_TITLE = 100;

	static final int MAX_CONTENT = 100_000;

	private ArticleRules() {
	}

	static String title(String title) {
		if (title == null || title.isBlank() || length(title) > MAX_TITLE) {
			throw ApiException.args("title must be 1-" + MAX_TITLE + " characters");
		}
		return title;
	}

	static String content(String content) {
		if (content == null || content.isBlank() || length(content) > MAX_CONTENT) {
			throw ApiException.args("content must be 1-" + MAX_CONTENT + " characters");
		}
		return content;
	}

	private static int length(String text) {
		return text.codePointCount(0, text.length());
	}

}
