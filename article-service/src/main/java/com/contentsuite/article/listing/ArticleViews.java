package com.contentsuite.article.listing;

import java.util.List;
import java.util.Map;

import com.contentsuite.article.article.Article;
import com.contentsuite.article.article.Marks;
import com.contentsuite.article.article.Marks.Statuses;
import com.contentsuite.common.paging.PageQuery;
import com.contentsuite.common.paging.PageResult;
import com.contentsuite.userclient.BriefUser;
import com.contentsuite.article.author.Authors;

import org.springframework.stereotype.Component;

/**
 * Turns rows into what a viewer sees, at a fixed cost per page: one batch call for the
 * authors and one query for the viewer's likes and collections, whatever the page size.
 */
@Component
class ArticleViews {

	private final Authors authors;

	private final Marks marks;

	ArticleViews(Authors authors, Marks marks) {
		this.authors = authors;
		this.marks = marks;
	}

	/** A page from rows fetched with one row of lookahead. */
	PageResult<ArticleView> page(PageQuery query, List<Article> rowsWithLookahead, Long viewerId) {
		PageResult<Article> page = PageResult.of(query, rowsWithLookahead);
		List<Long> ids = page.list().stream().map(Article::id).toList();
		Statuses statuses = (viewerId != null && !ids.isEmpty()) ? this.marks.statuses(viewerId, ids) : Statuses.NONE;
		Map<Long, BriefUser> users = page.list().isEmpty() ? Map.of()
				: this.authors.of(page.list().stream().map(Article::authorId).toList());
		return page.map((a) -> ArticleView.of(a, users.get(a.authorId()), statuses.liked().contains(a.id()),
				statuses.collected().contains(a.id())));
	}

	ArticleDetail detail(Article article, Long viewerId) {
		Statuses statuses = (viewerId != null) ? this.marks.statuses(viewerId, List.of(article.id())) : Statuses.NONE;
		return ArticleDetail.of(article, this.authors.of(article.authorId()), statuses.liked().contains(article.id()),
				statuses.collected().contains(article.id()));
	}

}
