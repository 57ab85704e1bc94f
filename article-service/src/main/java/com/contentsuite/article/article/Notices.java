package com.contentsuite.article.article;

/**
 * What others did to an author's content, told inside the action's transaction (so it is
 * told if and only if the action commits): the port the {@code notice} feature implements
 * on user-client's notifications outbox, so the core depends on no feature.
 */
public interface Notices {

	/** {@code userId} set a like or collect on {@code articleId} (a new row). */
	void marked(Mark mark, long articleId, long authorId, String title, long userId);

	/**
	 * {@code userId} wrote comment {@code commentId}; {@code parentAuthorId} is the
	 * author of the comment replied to, or {@code null} for a top-level comment.
	 */
	void commented(long articleId, long articleAuthorId, long commentId, Long parentAuthorId, long userId,
			String content);

}
