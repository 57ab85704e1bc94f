package com.contentsuite.passport.sync;

import java.util.List;

import com.contentsuite.common.outbox.OutboxHandler;
import com.contentsuite.common.outbox.OutboxMessage;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Delivers account-sync events to user-service's {@code POST /internal/users/sync}, one
 * per call, with the event's id as the version: user-service ignores a repeated or older
 * version, which makes a retried delivery harmless.
 */
@Component
class AccountSyncHandler implements OutboxHandler {

	static final String TOPIC = "account-sync";

	private final UserServiceClient userService;

	private final JsonMapper json;

	AccountSyncHandler(UserServiceClient userService, JsonMapper json) {
		this.userService = userService;
		this.json = json;
	}

	@Override
	public String topic() {
		return TOPIC;
	}

	@Override
	public void deliver(List<OutboxMessage> messages) {
		for (OutboxMessage message : messages) {
			this.userService.sync(this.json.readValue(message.payload(), AccountState.class).withVersion(message.id()));
		}
	}

}
