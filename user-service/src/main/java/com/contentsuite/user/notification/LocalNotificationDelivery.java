package com.contentsuite.user.notification;

import java.util.List;

import com.contentsuite.common.outbox.OutboxHandler;
import com.contentsuite.common.outbox.OutboxMessage;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * user-service's own notification events (follows) from its outbox, stored in process:
 * the same path as the siblings' deliveries, so a follow's notification is checked
 * against the blacklist and counted like any other, and is retried if Redis fails.
 */
@Component
class LocalNotificationDelivery implements OutboxHandler {

	private final NotificationService service;

	private final JsonMapper json;

	LocalNotificationDelivery(NotificationService service, JsonMapper json) {
		this.service = service;
		this.json = json;
	}

	@Override
	public String topic() {
		return NotificationRequest.TOPIC;
	}

	@Override
	public int batchSize() {
		return NotificationController.MAX_EVENTS;
	}

	@Override
	public void deliver(List<OutboxMessage> messages) {
		this.service
			.store(messages.stream().map((m) -> this.json.readValue(m.payload(), NotificationRequest.class)).toList());
	}

}
