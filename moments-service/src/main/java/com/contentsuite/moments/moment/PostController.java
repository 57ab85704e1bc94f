package com.contentsuite.moments.moment;

import java.util.List;
import java.util.Map;

import com.contentsuite.common.idempotency.Idempotent;
import com.contentsuite.common.identity.CurrentUser;
import com.contentsuite.common.json.IdDeserializer;
import com.contentsuite.common.web.ApiErrors;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.common.web.Ids;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code publish} and {@code delete}. */
@RestController
class PostController {

	private final Posts posts;

	PostController(Posts posts) {
		this.posts = posts;
	}

	/** A repeat with the same {@code Idempotency-Key} replays the first answer. */
	@Idempotent
	@PostMapping("/chatx/moments/publish")
	ApiResponse<Published> publish(CurrentUser user, @RequestBody PublishRequest body) {
		long id = this.posts.publish(user.userId(), body.content(), body.images(), body.visibility());
		return ApiResponse.ok(new Published(Long.toString(id)));
	}

	/** {@code postID} comes in the body: 1004 unknown or deleted, 1002 someone else's. */
	@PostMapping("/chatx/moments/delete")
	@ApiErrors({ ErrorCode.NO_PERMISSION, ErrorCode.RECORD_NOT_FOUND })
	ApiResponse<Map<String, Object>> delete(CurrentUser user, @RequestBody PostIdRequest body) {
		this.posts.delete(Ids.parse(body.postID(), "postID"), user.userId());
		return ApiResponse.ok();
	}

	/**
	 * {@code {"content", "images"?, "visibility"?}}; what the server owns (userID,
	 * likeCount, createTime, ...) is ignored.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record PublishRequest(String content, List<String> images, Integer visibility) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PostIdRequest(@JsonDeserialize(using = IdDeserializer.class) String postID) {
	}

	record Published(String postID) {
	}

}
