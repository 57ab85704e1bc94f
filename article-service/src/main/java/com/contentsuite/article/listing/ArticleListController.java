package com.contentsuite.article.listing;

import java.util.List;

import com.contentsuite.article.article.Article;
import com.contentsuite.article.article.ArticleRepository;
import com.contentsuite.article.article.Mark;
import com.contentsuite.article.article.Marks;
import com.contentsuite.article.hot.HotList;
import com.contentsuite.common.identity.CurrentUser;
import com.contentsuite.common.identity.Viewer;
import com.contentsuite.common.paging.PageQuery;
import com.contentsuite.common.paging.PageResult;
import com.contentsuite.common.web.ApiErrors;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.common.web.Ids;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The article lists of docs/api.md section 4: one query per page, deleted articles
 * skipped.
 */
@RestController
class ArticleListController {

	private final ArticleRepository articles;

	private final Marks marks;

	private final HotList hot;

	private final ArticleViews views;

	ArticleListController(ArticleRepository articles, Marks marks, HotList hot, ArticleViews views) {
		this.articles = articles;
		this.marks = marks;
		this.hot = hot;
		this.views = views;
	}

	@GetMapping("/articles/new")
	ApiResponse<PageResult<ArticleView>> newest(PageQuery page, Viewer viewer) {
		return ok(page, this.articles.newest(page.offset(), page.limitWithLookahead()), viewer.userId());
	}

	@GetMapping("/articles/hot")
	ApiResponse<PageResult<ArticleView>> hot(PageQuery page, Viewer viewer) {
		return ok(page, this.hot.page(page), viewer.userId());
	}

	@GetMapping("/articles/mine")
	ApiResponse<PageResult<ArticleView>> mine(PageQuery page, CurrentUser user) {
		return ok(page, this.articles.byAuthor(user.userId(), page.offset(), page.limitWithLookahead()), user.userId());
	}

	@GetMapping("/articles/likes")
	ApiResponse<PageResult<ArticleView>> likes(PageQuery page, CurrentUser user) {
		return ok(page, this.marks.marked(Mark.LIKE, user.userId(), page.offset(), page.limitWithLookahead()),
				user.userId());
	}

	@GetMapping("/articles/collections")
	ApiResponse<PageResult<ArticleView>> collections(PageQuery page, CurrentUser user) {
		return ok(page, this.marks.marked(Mark.COLLECT, user.userId(), page.offset(), page.limitWithLookahead()),
				user.userId());
	}

	@GetMapping("/articles/users/{userID}")
	@ApiErrors(except = ErrorCode.RECORD_NOT_FOUND)
	ApiResponse<PageResult<ArticleView>> byUser(@PathVariable("userID") String userId, PageQuery page, Viewer viewer) {
		long author = Ids.parse(userId, "userID");
		return ok(page, this.articles.byAuthor(author, page.offset(), page.limitWithLookahead()), viewer.userId());
	}

	private ApiResponse<PageResult<ArticleView>> ok(PageQuery page, List<Article> rows, Long viewerId) {
		return ApiResponse.ok(this.views.page(page, rows, viewerId));
	}

}
