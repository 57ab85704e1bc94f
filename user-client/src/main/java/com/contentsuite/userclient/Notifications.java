package com.contentsuite.userclient;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import com.contentsuite.common.outbox.Outbox;

/**
 * Tells user-service that a user did something to another user's content: appends a
 * {@link NotificationEvent} to the service's outbox, in the caller's transaction, so the
 * notification is sent if and only if the action committed, and reaches user-service
 * however long it is down. Nothing is sent for what users do to their own content.
 * Blacklists are user-service's to check, when it stores the notification.
 */
public class Notifications {

	/** The outbox topic {@link NotificationDelivery} delivers. */
	public static final String TOPIC = "notification";

	private final Outbox outbox;

	private final Clock clock;

	Notifications(Outbox outbox, Clock clock) {
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Records the notification of {@code recipient} about {@code actor}'s action; must
	 * run in the action's transaction.
	 * @param type one of docs/api.md section 7's types
	 * @param excerpt cut to 50 characters here
	 */
	public void notify(String type, long recipient, long actor, Long articleId, Long postId, Long commentId,
			String excerpt) {
		if (recipient == actor) {
			return;
		}
		NotificationEvent event = new NotificationEvent(null, type, Long.toString(recipient), Long.toString(actor),
				text(articleId), text(postId), text(commentId), NotificationEvent.excerpt(excerpt),
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		this.outbox.append(TOPIC, event.naturalKey(), event);
	}

	private static String text(Long id) {
		return (id != null) ? id.toString() : null;
	}

}
