package com.contentsuite.common.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies {@code X-Internal-Auth}:
 * {@code v1:<caller>:<epochMillis>:<base64url HMAC>}, the HMAC-SHA256 over version,
 * caller, method, raw path, userID, operationID and the timestamp. A service accepts a
 * request only with a fresh, valid signature, so a port reached directly lets no one in
 * and a client cannot forge {@code X-User-ID}.
 */
public final class InternalAuth {

	public static final String HEADER = "X-Internal-Auth";

	public static final String USER_HEADER = "X-User-ID";

	public static final String CLIENT_IP_HEADER = "X-Internal-Client-IP";

	public static final String GATEWAY_CALLER = "gateway";

	private static final String VERSION = "v1";

	private final SecretKeySpec key;

	private final long maxSkewMillis;

	private final String caller;

	private final Clock clock;

	private final Mac prototype;

	public InternalAuth(InternalAuthProperties properties) {
		this(properties.secret(), properties.maxSkew().toMillis(), properties.caller(), Clock.systemUTC());
	}

	public InternalAuth(String secret, long maxSkewMillis, String caller, Clock clock) {
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		this.maxSkewMillis = maxSkewMillis;
		this.caller = caller;
		this.clock = clock;
		this.prototype = newMac();
	}

	/** The header value for a call this process makes. */
	public String sign(String method, String rawPath, String userId, String operationId) {
		String timestamp = Long.toString(this.clock.millis());
		return VERSION + ":" + this.caller + ":" + timestamp + ":"
				+ mac(this.caller, method, rawPath, userId, operationId, timestamp);
	}

	/**
	 * The signing caller's name when {@code header} is a fresh valid signature of this
	 * request, otherwise {@code null}.
	 */
	public String verify(String header, String method, String rawPath, String userId, String operationId) {
		if (header == null) {
			return null;
		}
		String[] parts = header.split(":", -1);
		if (parts.length != 4 || !VERSION.equals(parts[0]) || parts[1].isEmpty()) {
			return null;
		}
		long timestamp;
		try {
			timestamp = Long.parseLong(parts[2]);
		}
		catch (NumberFormatException ex) {
			return null;
		}
		if (Math.abs(this.clock.millis() - timestamp) > this.maxSkewMillis) {
			return null;
		}
		String expected = mac(parts[1], method, rawPath, userId, operationId, parts[2]);
		boolean valid = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				parts[3].getBytes(StandardCharsets.US_ASCII));
		return valid ? parts[1] : null;
	}

	private String mac(String signer, String method, String rawPath, String userId, String operationId,
			String timestamp) {
		String payload = String.join("\n", VERSION, signer, method.toUpperCase(), rawPath, nullToEmpty(userId),
				nullToEmpty(operationId), timestamp);
		byte[] digest = copyOfPrototype().doFinal(payload.getBytes(StandardCharsets.UTF_8));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

	// Cloning an initialised Mac is cheaper than getInstance + init, and needs no
	// ThreadLocal
	// (which virtual threads would defeat).
	private Mac copyOfPrototype() {
		try {
			return (Mac) this.prototype.clone();
		}
		catch (CloneNotSupportedException ex) {
			return newMac();
		}
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
