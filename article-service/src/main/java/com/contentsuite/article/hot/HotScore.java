package com.contentsuite.article.hot;

import com.contentsuite.article.article.Engagement;

/**
 * docs/api.md's hot score:
 * {@code log10(max(1, hits + 3*likes + 5*comments + 8*collects)) +
 * createTimeEpochSeconds / 45000}. It changes only when its own article's engagement
 * does, so nothing has to recompute all scores as time passes.
 */
final class HotScore {

	private HotScore() {
	}

	static double of(Engagement e) {
		double weighted = e.hits() + 3.0 * e.likes() + 5.0 * e.comments() + 8.0 * e.collects();
		return Math.log10(Math.max(1, weighted)) + e.createTime().getEpochSecond() / 45000.0;
	}

	/**
	 * The sorted-set member of an article: zero-padded, so that Redis's order of equal
	 * scores (by member, reversed in ZREVRANGE) puts the newer article first.
	 */
	static String member(long articleId) {
		return String.format("%019d", articleId);
	}

}
