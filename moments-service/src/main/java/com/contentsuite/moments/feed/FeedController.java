package com.contentsuite.moments.feed;

import java.util.List;

import com.contentsuite.common.identity.CurrentUser;
import com.contentsuite.common.json.IdDeserializer;
import com.contentsuite.common.web.ApiErrors;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.common.web.Ids;
import com.contentsuite.moments.moment.Page;
import com.contentsuite.moments.moment.Pagination;
import com.contentsuite.moments.moment.Post;
import com.contentsuite.moments.moment.PostRepository;
import com.contentsuite.moments.moment.Posts;
import com.contentsuite.moments.moment.Visibility;
import com.contentsuite.moments.people.Audiences;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading posts: one ({@code get}), the viewer's feed, and one user's posts. What the
 * viewer may not see is {@code 1004} for {@code get} and absent from the lists.
 */
@RestController
class FeedController {

	private final Posts posts;

	private final PostRepository rows;

	private final Audiences audiences;

	private final PostViews views;

	FeedController(Posts posts, PostRepository rows, Audiences audiences, PostViews views) {
		this.posts = posts;
		this.rows = rows;
		this.audiences = audiences;
		this.views = views;
	}

	/** 1004 for a post that is unknown, deleted or not the viewer's to see. */
	@PostMapping("/chatx/moments/get")
	@ApiErrors(ErrorCode.RECORD_NOT_FOUND)
	ApiResponse<PostView> get(CurrentUser user, @RequestBody PostIdRequest body) {
		long postId = Ids.parse(body.postID(), "postID");
		Post post = this.posts.require(postId, user.userId());
		this.audiences.requireVisible(new PostRepository.Audience(post.authorId(), post.visibility()), user.userId());
		return ApiResponse.ok(this.views.of(post));
	}

	/**
	 * The viewer's posts and those of the users they follow, newest first: one internal
	 * call for whom they follow, one query for the page (docs/design.md has how this
	 * would change for users who follow, or are followed by, millions).
	 */
	@PostMapping("/chatx/moments/feed")
	ApiResponse<Page<PostView>> feed(CurrentUser user, @RequestBody(required = false) PageRequest body) {
		Pagination page = Pagination.checked((body != null) ? body.pagination() : null);
		List<Long> followed = this.audiences.followed(user.userId());
		List<Post> rows = this.rows.feed(user.userId(), followed, page.offset(), page.limitWithLookahead());
		return ApiResponse.ok(Page.of(page, rows).map(this.views::of));
	}

	/** That user's posts the viewer may see, newest first. */
	@PostMapping("/chatx/moments/user")
	ApiResponse<Page<PostView>> user(CurrentUser user, @RequestBody UserPostsRequest body) {
		long author = Ids.parse(body.userID(), "userID");
		Pagination page = Pagination.checked(body.pagination());
		Visibility widest = this.audiences.widestOf(author, user.userId());
		if (widest == null) {
			return ApiResponse.ok(Page.empty());
		}
		List<Post> rows = this.rows.byAuthor(user.userId(), author, widest, page.offset(), page.limitWithLookahead());
		return ApiResponse.ok(Page.of(page, rows).map(this.views::of));
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PostIdRequest(@JsonDeserialize(using = IdDeserializer.class) String postID) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PageRequest(Pagination pagination) {
	}

	/**
	 * {@code userID} here names whose posts to list, the one body field of that name
	 * read.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record UserPostsRequest(@JsonDeserialize(using = IdDeserializer.class) String userID, Pagination pagination) {
	}

}
