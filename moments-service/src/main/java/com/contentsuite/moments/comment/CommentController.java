package com.contentsuite.moments.comment;

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

/** {@code comment/add} and {@code comment/del}. */
@RestController
class CommentController {

	private final Comments comments;

	CommentController(Comments comments) {
		this.comments = comments;
	}

	/** A repeat with the same {@code Idempotency-Key} replays the first answer. */
	/**
	 * 1004 for a post the caller may not see, 1001 for a {@code replyToUserID} who is
	 * neither its author nor a commenter, 1302 when that user blacklisted the caller,
	 * 1005 over the per-minute limit.
	 */
	@Idempotent
	@PostMapping("/chatx/moments/comment/add")
	@ApiErrors({ ErrorCode.ARGS, ErrorCode.RECORD_NOT_FOUND, ErrorCode.BLOCKED_BY_PEER, ErrorCode.TOO_MANY_REQUESTS })
	ApiResponse<Added> add(CurrentUser user, @RequestBody AddRequest body) {
		long id = this.comments.add(Ids.parse(body.postID(), "postID"), user.userId(), body.content(),
				body.replyToUserID());
		return ApiResponse.ok(new Added(Long.toString(id)));
	}

	/** By the comment's author or the post's (1002); 1004 for an unknown comment. */
	@PostMapping("/chatx/moments/comment/del")
	@ApiErrors({ ErrorCode.NO_PERMISSION, ErrorCode.RECORD_NOT_FOUND })
	ApiResponse<Map<String, Object>> delete(CurrentUser user, @RequestBody DeleteRequest body) {
		this.comments.delete(Ids.parse(body.commentID(), "commentID"), user.userId());
		return ApiResponse.ok();
	}

	/** {@code {"postID", "content", "replyToUserID"?}}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record AddRequest(@JsonDeserialize(using = IdDeserializer.class) String postID, String content,
			@JsonDeserialize(using = IdDeserializer.class) String replyToUserID) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record DeleteRequest(@JsonDeserialize(using = IdDeserializer.class) String commentID) {
	}

	record Added(String commentID) {
	}

}
