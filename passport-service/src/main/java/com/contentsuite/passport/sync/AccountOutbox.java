package com.contentsuite.passport.sync;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an account change for user-service inside the transaction that makes it, so the
 * change and its event commit or roll back together.
 */
@Component
public class AccountOutbox {

	private final OutboxRepository events;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	AccountOutbox(OutboxRepository events, ApplicationEventPublisher publisher, Clock clock) {
		this.events = events;
		this.publisher = publisher;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void append(long userId, String username, String mobile) {
		String masked = maskMobile(mobile);
		String nickname = (username != null) ? username : masked;
		OutboxEvent event = this.events.save(new OutboxEvent(userId, username, masked, nickname, this.clock.instant()));
		this.publisher.publishEvent(new OutboxAppended(event.getId()));
	}

	/** {@code 138****8000}: all of a mobile that user-service may store and show. */
	static String maskMobile(String mobile) {
		if (mobile == null) {
			return null;
		}
		return mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
	}

	/** Published in the writing transaction; the relay hears it once that commits. */
	record OutboxAppended(long id) {
	}

}
