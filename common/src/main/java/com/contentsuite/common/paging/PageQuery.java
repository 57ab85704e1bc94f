package com.contentsuite.common.paging;

/**
 * {@code page} (from 1) and {@code size} (1-50) of a list route, already checked against
 * docs/api.md's bounds by {@link PageQueryArgumentResolver}.
 */
public record PageQuery(int page, int size) {

	public static final int MAX_SIZE = 50;

	public static final int DEFAULT_SIZE = 20;

	public long offset() {
		return (long) (this.page - 1) * this.size;
	}

	/** One more than the page holds, so a single query also tells whether more follow. */
	public int limitWithLookahead() {
		return this.size + 1;
	}

}
