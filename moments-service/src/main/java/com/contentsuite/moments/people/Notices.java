package com.contentsuite.moments.people;

import com.contentsuite.userclient.Notifications;

import org.springframework.stereotype.Service;

/**
 * The notifications of moments (docs/api.md section 7): what a user did to another user's
 * post, told to user-service through this service's outbox. Each method must run in the
 * transaction of the action, so a notification is sent if and only if the action
 * committed; nothing is sent for what users do to their own posts or comments.
 */
@Service
public class Notices {

	static final String MOMENT_LIKE = "moment_like";

	static final String MOMENT_COMMENT = "moment_comment";

	private final Notifications notifications;

	Notices(Notifications notifications) {
		this.notifications = notifications;
	}

	/** {@code liker} liked {@code author}'s post: its text is the excerpt. */
	public void liked(long author, long liker, long postId, String postText) {
		this.notifications.notify(MOMENT_LIKE, author, liker, null, postId, null, postText);
	}

	/**
	 * {@code commenter} commented on {@code author}'s post: the author is told, and so is
	 * the user the comment replies to ({@code replyTo}, if any), once each.
	 */
	public void commented(long author, long commenter, Long replyTo, long postId, long commentId, String text) {
		this.notifications.notify(MOMENT_COMMENT, author, commenter, null, postId, commentId, text);
		if (replyTo != null && replyTo != author) {
			this.notifications.notify(MOMENT_COMMENT, replyTo, commenter, null, postId, commentId, text);
		}
	}

}
