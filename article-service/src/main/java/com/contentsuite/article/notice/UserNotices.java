package com.contentsuite.article.notice;

import com.contentsuite.article.article.Mark;
import com.contentsuite.article.article.Notices;
import com.contentsuite.userclient.Notifications;

import org.springframework.stereotype.Component;

/**
 * The notifications of docs/design.md ("Notifications"): a like or collect tells the
 * author ({@code article_like}, {@code article_collect}, the title as excerpt); a
 * top-level comment tells the author ({@code article_comment}); a reply tells the
 * parent's author ({@code comment_reply}) and the article's author
 * ({@code article_comment}) when that is someone else. Self-actions are dropped by
 * {@link Notifications}.
 */
@Component
class UserNotices implements Notices {

	private final Notifications notifications;

	UserNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public void marked(Mark mark, long articleId, long authorId, String title, long userId) {
		String type = (mark == Mark.LIKE) ? "article_like" : "article_collect";
		this.notifications.notify(type, authorId, userId, articleId, null, null, title);
	}

	@Override
	public void commented(long articleId, long articleAuthorId, long commentId, Long parentAuthorId, long userId,
			String content) {
		if (parentAuthorId != null) {
			this.notifications.notify("comment_reply", parentAuthorId, userId, articleId, null, commentId, content);
		}
		if (parentAuthorId == null || parentAuthorId != articleAuthorId) {
			this.notifications.notify("article_comment", articleAuthorId, userId, articleId, null, commentId, content);
		}
	}

}
