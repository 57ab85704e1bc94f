package com.contentsuite.moments.moment;

import com.contentsuite.common.web.ApiException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * OpenIM's {@code "pagination": {"pageNumber": 1, "showNumber": 20}}: the page from 1 and
 * its size 1-50, as the lists under {@code /articles} (absent: the first page of 20).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Pagination(Integer pageNumber, Integer showNumber) {

	public static final int MAX_SHOW = 50;

	public static final int DEFAULT_SHOW = 20;

	/** The page asked for, its bounds checked; {@code pagination} may be absent. */
	public static Pagination checked(Pagination pagination) {
		int page = (pagination == null || pagination.pageNumber == null) ? 1 : pagination.pageNumber;
		int show = (pagination == null || pagination.showNumber == null) ? DEFAULT_SHOW : pagination.showNumber;
		if (page < 1) {
			throw ApiException.args("pagination.pageNumber must be 1 or more");
		}
		if (show < 1 || show > MAX_SHOW) {
			throw ApiException.args("pagination.showNumber must be 1-" + MAX_SHOW);
		}
		return new Pagination(page, show);
	}

	public long offset() {
		return (long) (this.pageNumber - 1) * this.showNumber;
	}

	/** One more than the page holds, so a single query also tells whether more follow. */
	public int limitWithLookahead() {
		return this.showNumber + 1;
	}

}
