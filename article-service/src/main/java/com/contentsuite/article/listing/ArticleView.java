package com.contentsuite.article.listing;

import com.contentsuite.article.article.Article;
import com.contentsuite.common.web.Times;
import com.contentsuite.userclient.BriefUser;

/** An article in a list (docs/api.md section 4). */
record ArticleView(String articleID, String title, String summary, long hits, long likes, int likeStatus, long collects,
		int collectStatus, long comments, BriefUser author, String createTime, String updateTime) {

	static ArticleView of(Article a, BriefUser author, boolean liked, boolean collected) {
		return new ArticleView(Long.toString(a.id()), a.title(), a.summary(), a.hits(), a.likes(), liked ? 1 : 0,
				a.collects(), collected ? 1 : 0, a.comments(), author, Times.format(a.createTime()),
				Times.format(a.updateTime()));
	}

}
