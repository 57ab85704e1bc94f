package com.contentsuite.article.listing;

import com.contentsuite.article.article.Article;
import com.contentsuite.common.web.Times;
import com.contentsuite.userclient.BriefUser;

/** One article with its content, as given (never rendered by the server). */
record ArticleDetail(String articleID, String title, String summary, String content, long hits, long likes,
		int likeStatus, long collects, int collectStatus, long comments, BriefUser author, String createTime,
		String updateTime) {

	static ArticleDetail of(Article a, BriefUser author, boolean liked, boolean collected) {
		return new ArticleDetail(Long.toString(a.id()), a.title(), a.summary(), a.content(), a.hits(), a.likes(),
				liked ? 1 : 0, a.collects(), collected ? 1 : 0, a.comments(), author, Times.format(a.createTime()),
				Times.format(a.updateTime()));
	}

}
