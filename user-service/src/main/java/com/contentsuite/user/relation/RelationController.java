package com.contentsuite.user.relation;

import com.contentsuite.common.identity.CurrentUser;
import com.contentsuite.common.identity.Viewer;
import com.contentsuite.common.json.IdDeserializer;
import com.contentsuite.common.paging.PageQuery;
import com.contentsuite.common.paging.PageResult;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ApiErrors;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.common.web.Ids;
import com.contentsuite.user.brief.BriefUser;
import com.contentsuite.user.relation.RelationLists.ListedUser;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /users/followings}, {@code /users/followers} and {@code /users/blacklist}. */
@RestController
@RequestMapping("/users")
class RelationController {

	private final RelationService service;

	private final RelationLists lists;

	RelationController(RelationService service, RelationLists lists) {
		this.service = service;
		this.lists = lists;
	}

	/**
	 * {@code target} comes in the body: unknown is 1004, yourself 1301, a blacklist
	 * between the two 1302.
	 */
	@PostMapping("/followings")
	@ApiErrors({ ErrorCode.RECORD_NOT_FOUND, ErrorCode.CAN_NOT_ADD_YOURSELF, ErrorCode.BLOCKED_BY_PEER })
	ApiResponse<FollowState> follow(CurrentUser user, @RequestBody TargetRequest request) {
		long target = Ids.parse(request.target(), "target");
		this.service.follow(user.userId(), target);
		return ApiResponse.ok(new FollowState(Long.toString(target), true));
	}

	@DeleteMapping("/followings/{target}")
	@ApiErrors(value = ErrorCode.CAN_NOT_ADD_YOURSELF, except = ErrorCode.RECORD_NOT_FOUND)
	ApiResponse<FollowState> unfollow(CurrentUser user, @PathVariable("target") String target) {
		long targetId = Ids.parse(target, "target");
		this.service.unfollow(user.userId(), targetId);
		return ApiResponse.ok(new FollowState(Long.toString(targetId), false));
	}

	/** 1004 for a {@code userID} that is not a user. */
	@GetMapping("/followings")
	@ApiErrors(ErrorCode.RECORD_NOT_FOUND)
	ApiResponse<PageResult<ListedUser>> followings(Viewer viewer, PageQuery page,
			@RequestParam(name = "userID", required = false) String userId) {
		return ApiResponse.ok(this.lists.followings(listed(userId, viewer), viewer.userId(), page));
	}

	@GetMapping("/followers")
	@ApiErrors(ErrorCode.RECORD_NOT_FOUND)
	ApiResponse<PageResult<ListedUser>> followers(Viewer viewer, PageQuery page,
			@RequestParam(name = "userID", required = false) String userId) {
		return ApiResponse.ok(this.lists.followers(listed(userId, viewer), viewer.userId(), page));
	}

	@PostMapping("/blacklist")
	@ApiErrors({ ErrorCode.RECORD_NOT_FOUND, ErrorCode.CAN_NOT_ADD_YOURSELF })
	ApiResponse<BlockState> blacklist(CurrentUser user, @RequestBody TargetRequest request) {
		long target = Ids.parse(request.target(), "target");
		this.service.blacklist(user.userId(), target);
		return ApiResponse.ok(new BlockState(Long.toString(target), true));
	}

	@DeleteMapping("/blacklist/{target}")
	@ApiErrors(value = ErrorCode.CAN_NOT_ADD_YOURSELF, except = ErrorCode.RECORD_NOT_FOUND)
	ApiResponse<BlockState> unblacklist(CurrentUser user, @PathVariable("target") String target) {
		long targetId = Ids.parse(target, "target");
		this.service.unblacklist(user.userId(), targetId);
		return ApiResponse.ok(new BlockState(Long.toString(targetId), false));
	}

	@GetMapping("/blacklist")
	ApiResponse<PageResult<BriefUser>> blacklist(CurrentUser user, PageQuery page) {
		return ApiResponse.ok(this.lists.blacklist(user.userId(), page));
	}

	// userID defaults to the viewer; an anonymous viewer must name one.
	private static long listed(String userId, Viewer viewer) {
		if (userId != null) {
			return Ids.parse(userId, "userID");
		}
		if (viewer.isAnonymous()) {
			throw ApiException.args("userID is required");
		}
		return viewer.userId();
	}

	/** {@code {"target"}}: a user ID as a string or a number. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record TargetRequest(@JsonDeserialize(using = IdDeserializer.class) String target) {
	}

	record FollowState(String target, boolean following) {
	}

	record BlockState(String target, boolean blocked) {
	}

}
