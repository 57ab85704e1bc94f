package com.contentsuite.user;

import java.time.Duration;

import com.contentsuite.testsupport.ServiceApi;

import static org.assertj.core.api.Assertions.assertThat;

/** test-support's signed client, with the account sync passport's relay would deliver. */
public final class Api extends ServiceApi {

	public Api(int port, String secret) {
		super(port, secret);
	}

	public Api(int port, String secret, Duration timeout) {
		super(port, secret, timeout);
	}

	/** Delivers an account event as passport's relay does and expects a 2xx. */
	public boolean sync(long userId, String username, String mobile, String nickname, long version) {
		String json = "{\"userID\":\"%d\",\"username\":%s,\"mobile\":%s,\"nickname\":%s,\"version\":%d}"
			.formatted(userId, quote(username), quote(mobile), quote(nickname), version);
		Reply reply = internal("/internal/users/sync", json);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.data().get("applied").booleanValue();
	}

}
