package com.contentsuite.article.like;

import java.util.List;

import com.contentsuite.article.article.ArticleService;
import com.contentsuite.article.article.Mark;
import com.contentsuite.article.article.Marks;
import com.contentsuite.article.article.ToggleStatus;
import com.contentsuite.article.author.Blacklist;
import com.contentsuite.common.web.Ids;

import org.springframework.stereotype.Service;

/**
 * A like or a collect set on or off (collections use it too): the article must be live,
 * and a reader the author blacklisted may take a mark back but not set one
 * ({@code 1302}).
 */
@Service
public class Toggles {

	private final ArticleService articles;

	private final Marks marks;

	private final Blacklist blacklist;

	Toggles(ArticleService articles, Marks marks, Blacklist blacklist) {
		this.articles = articles;
		this.marks = marks;
		this.blacklist = blacklist;
	}

	/** The count after the change. */
	public long set(Mark mark, String articleId, long userId, ToggleStatus body) {
		long id = Ids.parse(articleId, "articleID");
		boolean on = body.on();
		long author = this.articles.requireAuthor(id);
		if (on) {
			this.blacklist.requireNotBlockedBy(List.of(author), userId);
		}
		return this.marks.set(mark, id, userId, on);
	}

}
