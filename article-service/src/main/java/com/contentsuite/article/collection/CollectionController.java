package com.contentsuite.article.collection;

import com.contentsuite.article.article.Mark;
import com.contentsuite.article.article.ToggleStatus;
import com.contentsuite.article.like.Toggles;
import com.contentsuite.common.identity.CurrentUser;
import com.contentsuite.common.web.ApiErrors;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.ErrorCode;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /articles/{articleID}/collections}: the state after the call and the count;
 * a collection is a like kept private to its user, with its own table and counter.
 */
@RestController
class CollectionController {

	private final Toggles toggles;

	CollectionController(Toggles toggles) {
		this.toggles = toggles;
	}

	@PutMapping("/articles/{articleID}/collections")
	@ApiErrors(ErrorCode.BLOCKED_BY_PEER)
	ApiResponse<CollectState> collect(@PathVariable("articleID") String articleId, CurrentUser user,
			@RequestBody ToggleStatus body) {
		long collects = this.toggles.set(Mark.COLLECT, articleId, user.userId(), body);
		return ApiResponse.ok(new CollectState(body.on() ? 1 : 0, collects));
	}

	record CollectState(int collectStatus, long collects) {
	}

}
