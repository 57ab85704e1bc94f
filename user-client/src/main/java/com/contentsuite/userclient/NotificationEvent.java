package com.contentsuite.userclient;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Something a user did to another user's content, for user-service to store as that
 * user's notification (docs/api.md, "Notifications"): the body of one event of
 * {@code POST /internal/users/notifications}.
 *
 * @param eventID the outbox event's ID, the same on every retry (for logs; the
 * notification's own key makes a retry a no-op)
 * @param type {@code follow}, {@code article_like}, ... (docs/api.md section 7)
 * @param recipientID who is notified
 * @param actorID who did it
 * @param articleID the article, for the article types
 * @param postID the post, for the moment types
 * @param commentID the comment, for the comment types
 * @param excerpt up to 50 characters of the comment or title
 * @param createTime when it happened
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationEvent(String eventID, String type, String recipientID, String actorID, String articleID,
		String postID, String commentID, String excerpt, Instant createTime) {

	/** Longest excerpt, in code points. */
	public static final int EXCERPT_LENGTH = 50;

	/**
	 * The key that makes two events the same notification: a repeated like, or a retried
	 * delivery, is the same notification again. A comment's notification is keyed by the
	 * comment; a like or collect by its target; a follow by the pair.
	 */
	public String naturalKey() {
		String target = (this.commentID != null) ? "c" + this.commentID
				: (this.articleID != null) ? "a" + this.articleID : (this.postID != null) ? "p" + this.postID : "-";
		return this.type + ":" + this.recipientID + ":" + this.actorID + ":" + target;
	}

	/** {@code text} cut to {@value #EXCERPT_LENGTH} code points (never inside a pair). */
	public static String excerpt(String text) {
		if (text == null) {
			return "";
		}
		if (text.codePointCount(0, text.length()) <= EXCERPT_LENGTH) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, EXCERPT_LENGTH));
	}

	NotificationEvent withEventId(String eventId) {
		return new NotificationEvent(eventId, this.type, this.recipientID, this.actorID, this.articleID, this.postID,
				this.commentID, this.excerpt, this.createTime);
	}

}
