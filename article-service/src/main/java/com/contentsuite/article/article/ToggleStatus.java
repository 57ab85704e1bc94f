package com.contentsuite.article.article;

import com.contentsuite.common.web.ApiException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code {"status": 0 or 1}}, the body of the per-user toggles (likes, collections);
 * anything else is {@code 1001 "status error"}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ToggleStatus(Integer status) {

	/** Whether the toggle is to be on. */
	public boolean on() {
		if (this.status == null || (this.status != 0 && this.status != 1)) {
			throw ApiException.args("status error");
		}
		return this.status == 1;
	}

}
