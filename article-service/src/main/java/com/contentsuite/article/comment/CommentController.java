package com.contentsuite.article.comment;

import java.util.Map;

import com.contentsuite.article.article.ArticleService;
import com.contentsuite.common.idempotency.Idempotent;
import com.contentsuite.common.identity.CurrentUser;
import com.contentsuite.common.identity.Viewer;
import com.contentsuite.common.paging.PageQuery;
import com.contentsuite.common.paging.PageResult;
import com.contentsuite.common.web.ApiErrors;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.common.web.Ids;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The comment trees of an article. */
@RestController
class CommentController {

	private final CommentService comments;

	private final CommentTrees trees;

	private final ArticleService articles;

	CommentController(CommentService comments, CommentTrees trees, ArticleService articles) {
		this.comments = comments;
		this.trees = trees;
		this.articles = articles;
	}

	/** A repeat with the same {@code Idempotency-Key} replays the first answer. */
	/**
	 * 1004 for an unknown article or {@code parentID}, 1302 when the article's author or
	 * the replied-to comment's blacklisted the caller, 1005 over the per-minute limit.
	 */
	@Idempotent
	@PostMapping("/articles/{articleID}/comments")
	@ApiErrors({ ErrorCode.RECORD_NOT_FOUND, ErrorCode.BLOCKED_BY_PEER, ErrorCode.TOO_MANY_REQUESTS })
	ApiResponse<CommentView> create(@PathVariable("articleID") String articleId, CurrentUser user,
			@RequestBody CommentRequest body) {
		Comment comment = this.comments.create(Ids.parse(articleId, "articleID"), user.userId(), body.content(),
				body.parentID());
		return ApiResponse.ok(this.trees.single(comment));
	}

	/** Top-level comments newest first, each with its replies nested, oldest first. */
	@GetMapping("/articles/{articleID}/comments")
	ApiResponse<PageResult<CommentView>> page(@PathVariable("articleID") String articleId, PageQuery page,
			Viewer viewer) {
		// The viewer changes nothing in the trees; it is here because the gateway's auth
		// mode of this route is optional (a bad token is refused there), which the API
		// document reads from the handler's signature.
		long id = Ids.parse(articleId, "articleID");
		this.articles.requireAuthor(id);
		return ApiResponse.ok(this.trees.page(id, page));
	}

	/** By the comment's author or the article's (1002 for anyone else). */
	@DeleteMapping("/articles/{articleID}/comments/{commentID}")
	@ApiErrors(ErrorCode.NO_PERMISSION)
	ApiResponse<Map<String, Object>> delete(@PathVariable("articleID") String articleId,
			@PathVariable("commentID") String commentId, CurrentUser user) {
		this.comments.delete(Ids.parse(articleId, "articleID"), Ids.parse(commentId, "commentID"), user.userId());
		return ApiResponse.ok();
	}

}
