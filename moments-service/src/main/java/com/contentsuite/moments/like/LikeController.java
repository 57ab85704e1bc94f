package com.contentsuite.moments.like;

import java.util.List;

import com.contentsuite.common.identity.CurrentUser;
import com.contentsuite.common.json.IdDeserializer;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ApiErrors;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.common.web.Ids;
import com.contentsuite.moments.moment.Page;
import com.contentsuite.moments.moment.Pagination;
import com.contentsuite.moments.moment.Posts;
import com.contentsuite.moments.people.Audiences;
import com.contentsuite.moments.people.People;
import com.contentsuite.userclient.BriefUser;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code like} (the published chatx contract, to the letter) and {@code likes}. */
@RestController
class LikeController {

	/** The published contract's text for an empty or missing postID. */
	static final String POST_ID_REQUIRED = "postID and userID are required";

	private final Likes likes;

	private final Posts posts;

	private final Audiences audiences;

	private final People people;

	LikeController(Likes likes, Posts posts, Audiences audiences, People people) {
		this.likes = likes;
		this.posts = posts;
		this.audiences = audiences;
		this.people = people;
	}

	// The body may be absent: that is a missing postID too.
	@PostMapping("/chatx/moments/like")
	@ApiErrors(ErrorCode.RECORD_NOT_FOUND)
	ApiResponse<LikeCount> like(CurrentUser user, @RequestBody(required = false) LikeRequest body) {
		String postId = (body != null) ? body.postID() : null;
		if (postId == null || postId.isEmpty()) {
			throw ApiException.args(POST_ID_REQUIRED);
		}
		boolean cancel = body.cancel() != null && body.cancel();
		return ApiResponse.ok(new LikeCount(this.likes.set(Ids.parse(postId, "postID"), user.userId(), cancel)));
	}

	/**
	 * Brief users who liked a post, the most recent first; none of a post the caller may
	 * not see.
	 */
	@PostMapping("/chatx/moments/likes")
	@ApiErrors(ErrorCode.RECORD_NOT_FOUND)
	ApiResponse<Page<BriefUser>> likers(CurrentUser user, @RequestBody LikersRequest body) {
		long postId = Ids.parse(body.postID(), "postID");
		Pagination page = Pagination.checked(body.pagination());
		// A post the caller may not see is absent from the likes list (docs/api.md
		// section 5):
		// an empty page. An unknown or deleted post is 1004, as everywhere.
		if (!this.audiences.visible(this.posts.audienceOf(postId), user.userId())) {
			return ApiResponse.ok(Page.empty());
		}
		Page<Long> ids = Page.of(page, this.likes.likers(postId, page.offset(), page.limitWithLookahead()));
		return ApiResponse.ok(ids.map((list) -> {
			var users = this.people.of(list);
			return list.stream().map(users::get).toList();
		}));
	}

	/**
	 * {@code {"postID", "cancel"?}}: cancel absent or false likes, true takes it back.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record LikeRequest(@JsonDeserialize(using = IdDeserializer.class) String postID, Boolean cancel) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record LikersRequest(@JsonDeserialize(using = IdDeserializer.class) String postID, Pagination pagination) {
	}

	record LikeCount(long likeCount) {
	}

}
