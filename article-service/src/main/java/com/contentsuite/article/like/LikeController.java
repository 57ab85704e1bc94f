package com.contentsuite.article.like;

import com.contentsuite.article.article.Mark;
import com.contentsuite.article.article.ToggleStatus;
import com.contentsuite.common.identity.CurrentUser;
import com.contentsuite.common.web.ApiErrors;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.ErrorCode;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /articles/{articleID}/likes}: the state after the call and the count. */
@RestController
class LikeController {

	private final Toggles toggles;

	LikeController(Toggles toggles) {
		this.toggles = toggles;
	}

	/** 1302 when the author blacklisted the caller (un-liking stays possible). */
	@PutMapping("/articles/{articleID}/likes")
	@ApiErrors(ErrorCode.BLOCKED_BY_PEER)
	ApiResponse<LikeState> like(@PathVariable("articleID") String articleId, CurrentUser user,
			@RequestBody ToggleStatus body) {
		long likes = this.toggles.set(Mark.LIKE, articleId, user.userId(), body);
		return ApiResponse.ok(new LikeState(body.on() ? 1 : 0, likes));
	}

	record LikeState(int likeStatus, long likes) {
	}

}
