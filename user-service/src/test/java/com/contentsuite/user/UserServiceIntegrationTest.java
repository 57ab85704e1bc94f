package com.contentsuite.user;

import java.util.concurrent.atomic.AtomicLong;

import com.contentsuite.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every integration test of this service shares: one Spring context (so one fresh
 * database) for all of them, and user IDs no two tests share.
 */
@IntegrationTest
public abstract class UserServiceIntegrationTest {

	private static final AtomicLong NEXT_USER = new AtomicLong(1_000);

	@LocalServerPort
	protected int port;

	@Value("${suite.internal-auth.secret}")
	protected String secret;

	protected Api api;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port, this.secret);
	}

	/** A user ID no other test uses. */
	protected static long newUserId() {
		return NEXT_USER.incrementAndGet();
	}

	/**
	 * {@code count} distinct CJK characters outside the Basic Multilingual Plane (U+20000
	 * onwards, as passport accepts them in usernames): one code point, two UTF-16 units
	 * and four utf8mb4 bytes each.
	 */
	protected static String supplementaryCjk(int count) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.appendCodePoint(0x20000 + i);
		}
		return text.toString();
	}

	/** A user passport has synced: username {@code u<id>}, mobile 138****8000. */
	protected long syncedUser() {
		long userId = newUserId();
		this.api.sync(userId, "u" + userId, "138****8000", "nick" + userId, 1);
		return userId;
	}

}
