package com.contentsuite.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What a key holds in Redis: a claim while the first call runs, then that call's answer.
 * Encoded as {@code state|fingerprint|token-or-status|content type|base64 body}.
 *
 * @param fingerprint SHA-256 of method, path, query and body of the first call
 * @param token the claiming call's own token (an in-flight claim)
 * @param status the first answer's HTTP status (0 while in flight)
 */
record StoredAnswer(String fingerprint, String token, int status, String contentType, byte[] body) {

	static StoredAnswer inFlight(String fingerprint, String token) {
		return new StoredAnswer(fingerprint, token, 0, "", new byte[0]);
	}

	boolean isInFlight() {
		return this.status == 0;
	}

	String encode() {
		if (isInFlight()) {
			return "P|" + this.fingerprint + "|" + this.token;
		}
		return "D|" + this.fingerprint + "|" + this.status + "|" + this.contentType + "|"
				+ Base64.getEncoder().encodeToString(this.body);
	}

	static StoredAnswer decode(String value) {
		String[] parts = value.split("\\|", 5);
		if (parts[0].equals("P")) {
			return inFlight(parts[1], parts[2]);
		}
		return new StoredAnswer(parts[1], "", Integer.parseInt(parts[2]), parts[3],
				Base64.getDecoder().decode(parts[4].getBytes(StandardCharsets.US_ASCII)));
	}

}
