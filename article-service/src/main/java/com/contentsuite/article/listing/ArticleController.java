package com.contentsuite.article.listing;

import java.util.Map;

import com.contentsuite.article.article.ArticleService;
import com.contentsuite.common.idempotency.Idempotent;
import com.contentsuite.common.identity.CurrentUser;
import com.contentsuite.common.identity.Viewer;
import com.contentsuite.common.web.ApiErrors;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.common.web.Ids;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Writing, reading, editing and deleting one article. */
@RestController
class ArticleController {

	private final ArticleService articles;

	private final ArticleViews views;

	ArticleController(ArticleService articles, ArticleViews views) {
		this.articles = articles;
		this.views = views;
	}

	/** A repeat with the same {@code Idempotency-Key} replays the first answer. */
	@Idempotent
	@PostMapping("/articles")
	ApiResponse<Created> create(CurrentUser user, @RequestBody ArticleRequest body) {
		return ApiResponse
			.ok(new Created(Long.toString(this.articles.create(user.userId(), body.title(), body.content()))));
	}

	@GetMapping("/articles/{articleID}")
	ApiResponse<ArticleDetail> read(@PathVariable("articleID") String articleId, Viewer viewer) {
		return ApiResponse.ok(this.views.detail(this.articles.require(id(articleId)), viewer.userId()));
	}

	@PutMapping("/articles/{articleID}")
	@ApiErrors(ErrorCode.NO_PERMISSION)
	ApiResponse<ArticleDetail> edit(@PathVariable("articleID") String articleId, CurrentUser user,
			@RequestBody ArticleRequest body) {
		return ApiResponse.ok(this.views
			.detail(this.articles.edit(id(articleId), user.userId(), body.title(), body.content()), user.userId()));
	}

	@DeleteMapping("/articles/{articleID}")
	@ApiErrors(ErrorCode.NO_PERMISSION)
	ApiResponse<Map<String, Object>> delete(@PathVariable("articleID") String articleId, CurrentUser user) {
		this.articles.delete(id(articleId), user.userId());
		return ApiResponse.ok();
	}

	private static long id(String articleId) {
		return Ids.parse(articleId, "articleID");
	}

	record Created(String articleID) {
	}

}
