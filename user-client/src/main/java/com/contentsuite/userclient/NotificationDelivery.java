package com.contentsuite.userclient;

import java.util.List;

import com.contentsuite.common.outbox.OutboxHandler;
import com.contentsuite.common.outbox.OutboxMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the outbox's notification events to user-service's
 * {@code POST /internal/users/notifications}, up to {@value #BATCH} per call: a popular
 * author's likes travel as a few calls, not one per like. The call succeeds only when
 * user-service stored (or knowingly skipped) all of them; a retry is harmless, since it
 * stores each notification under its natural key.
 */
public class NotificationDelivery implements OutboxHandler {

	static final int BATCH = 50;

	private final UserServiceClient users;

	private final JsonMapper json;

	NotificationDelivery(UserServiceClient users, JsonMapper json) {
		this.users = users;
		this.json = json;
	}

	@Override
	public String topic() {
		return Notifications.TOPIC;
	}

	@Override
	public int batchSize() {
		return BATCH;
	}

	@Override
	public void deliver(List<OutboxMessage> messages) {
		List<NotificationEvent> events = messages.stream()
			.map((m) -> this.json.readValue(m.payload(), NotificationEvent.class).withEventId(m.eventId()))
			.toList();
		this.users.notifications(new UserServiceClient.NotificationsBody(events));
	}

}
