package com.contentsuite.user.notification;

import java.time.Instant;

import com.contentsuite.common.json.IdDeserializer;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One event of {@code POST /internal/users/notifications} (user-client's
 * {@code NotificationEvent} on the senders' side), and the payload of user-service's own
 * follow events on its outbox.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationRequest(String eventID, String type,
		@JsonDeserialize(using = IdDeserializer.class) String recipientID,
		@JsonDeserialize(using = IdDeserializer.class) String actorID,
		@JsonDeserialize(using = IdDeserializer.class) String articleID,
		@JsonDeserialize(using = IdDeserializer.class) String postID,
		@JsonDeserialize(using = IdDeserializer.class) String commentID, String excerpt, Instant createTime) {

	/** The outbox topic of notification events, the same as the siblings'. */
	public static final String TOPIC = "notification";

	/** {@code actor} started to follow {@code target}. */
	public static NotificationRequest follow(long actor, long target, Instant now) {
		return new NotificationRequest(null, NotificationType.FOLLOW.wire, Long.toString(target), Long.toString(actor),
				null, null, null, "", now);
	}

	/** What makes two events one notification (and the outbox aggregate of a follow). */
	public String naturalKey() {
		String target = (this.commentID != null) ? "c" + this.commentID
				: (this.articleID != null) ? "a" + this.articleID : (this.postID != null) ? "p" + this.postID : "-";
		return this.type + ":" + this.recipientID + ":" + this.actorID + ":" + target;
	}

}
