package com.contentsuite.passport.sync;

import com.contentsuite.common.outbox.Outbox;

import org.springframework.stereotype.Component;

/**
 * Records an account change for user-service inside the transaction that makes it, on
 * common's outbox (topic {@value AccountSyncHandler#TOPIC}, one aggregate per account),
 * so the change and its event commit or roll back together and one account's events
 * arrive in order.
 */
@Component
public class AccountOutbox {

	private final Outbox outbox;

	AccountOutbox(Outbox outbox) {
		this.outbox = outbox;
	}

	/** Must run in the transaction of the change (the outbox refuses otherwise). */
	public void append(long userId, String username, String mobile) {
		String masked = maskMobile(mobile);
		String nickname = (username != null) ? username : masked;
		this.outbox.append(AccountSyncHandler.TOPIC, Long.toString(userId),
				new AccountState(Long.toString(userId), username, masked, nickname));
	}

	/** {@code 138****8000}: all of a mobile that user-service may store and show. */
	static String maskMobile(String mobile) {
		if (mobile == null) {
			return null;
		}
		return mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
	}

}
