package com.contentsuite.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature and claims were already verified, so a client sending the same
 * token again costs a map lookup instead of an RSA verification. Safe because a token's
 * text cannot change: an entry lives until the token's {@code exp} (and at most
 * {@code maxAge}), and is ignored once passport's key set changed. Revocation is not
 * cached: it is checked on every request.
 */
final class VerifiedTokenCache {

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final int maxEntries;

	private final long maxAgeMillis;

	private final Clock clock;

	VerifiedTokenCache(int maxEntries, Duration maxAge, Clock clock) {
		this.maxEntries = maxEntries;
		this.maxAgeMillis = maxAge.toMillis();
		this.clock = clock;
	}

	/**
	 * The token's user if it was verified under the current key set and is still valid.
	 */
	VerifiedUser get(String token, long keySetVersion) {
		if (this.maxEntries == 0) {
			return null;
		}
		Entry entry = this.entries.get(token);
		if (entry == null) {
			return null;
		}
		if (entry.keySetVersion() != keySetVersion || this.clock.millis() >= entry.validUntil()) {
			this.entries.remove(token, entry);
			return null;
		}
		return entry.user();
	}

	void put(String token, VerifiedUser user, long expiresAtMillis, long keySetVersion) {
		if (this.maxEntries == 0) {
			return;
		}
		if (this.entries.size() >= this.maxEntries) {
			// Crude but bounded: a full cache starts over rather than tracking recency.
			this.entries.clear();
		}
		long validUntil = Math.min(expiresAtMillis, this.clock.millis() + this.maxAgeMillis);
		this.entries.put(token, new Entry(user, validUntil, keySetVersion));
	}

	private record Entry(VerifiedUser user, long validUntil, long keySetVersion) {
	}

}
