package com.contentsuite.user.verification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for the stored values and HMAC-SHA256 for the ID-number fingerprint.
 * <p>
 * A sealed value is {@code base64(iv || ciphertext || tag)}: a fresh random 12-byte IV
 * per value, a 128-bit tag, and the owner's userID (decimal, UTF-8) as associated data,
 * so a value copied into another user's row does not decrypt. The key version is stored
 * beside the value by the caller. Error messages never hold plain values or keys.
 */
public final class FieldCipher {

	private static final String AES = "AES";

	private static final String GCM = "AES/GCM/NoPadding";

	private static final String HMAC = "HmacSHA256";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final int AES_KEY_BYTES = 32;

	private static final int MIN_HMAC_KEY_BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	private final Map<Integer, SecretKeySpec> keys = new TreeMap<>();

	private final int activeVersion;

	private final SecretKeySpec hmacKey;

	public FieldCipher(VerificationProperties properties) {
		properties.keys()
			.forEach((version, value) -> this.keys.put(version,
					new SecretKeySpec(decode("user.verification.keys." + version, value, AES_KEY_BYTES, true), AES)));
		if (!this.keys.containsKey(properties.activeKeyVersion())) {
			throw new IllegalStateException("user.verification.active-key-version " + properties.activeKeyVersion()
					+ " names no key of user.verification.keys");
		}
		this.activeVersion = properties.activeKeyVersion();
		this.hmacKey = new SecretKeySpec(
				decode("user.verification.hmac-key", properties.hmacKey(), MIN_HMAC_KEY_BYTES, false), HMAC);
	}

	/** The version {@link #seal} encrypts with. */
	public int activeVersion() {
		return this.activeVersion;
	}

	/** {@code plain} encrypted with the active key, bound to {@code userId}. */
	public String seal(long userId, String plain) {
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance(GCM);
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(this.activeVersion), new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(associatedData(userId));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[IV_BYTES + sealed.length];
			System.arraycopy(iv, 0, out, 0, IV_BYTES);
			System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
			return Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("encryption failed: " + ex.getClass().getSimpleName());
		}
	}

	/** The plain value; fails for a wrong key, user or a changed value. */
	public String open(long userId, int version, String sealed) {
		SecretKeySpec key = this.keys.get(version);
		if (key == null) {
			throw new IllegalStateException("no key of version " + version + " is configured");
		}
		try {
			byte[] in = Base64.getDecoder().decode(sealed);
			if (in.length < IV_BYTES + TAG_BITS / 8) {
				throw new IllegalStateException("decryption failed: value too short");
			}
			Cipher cipher = Cipher.getInstance(GCM);
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
			cipher.updateAAD(associatedData(userId));
			byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			// No cause attached: nothing of the value travels with the failure.
			throw new IllegalStateException("decryption failed: " + ex.getClass().getSimpleName());
		}
	}

	/** Lower-case hex HMAC-SHA256 of a normalised ID number: the uniqueness key. */
	public String fingerprint(String normalisedIdCard) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(this.hmacKey);
			return HexFormat.of().formatHex(mac.doFinal(normalisedIdCard.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("fingerprint failed: " + ex.getClass().getSimpleName());
		}
	}

	private static byte[] associatedData(long userId) {
		return Long.toString(userId).getBytes(StandardCharsets.US_ASCII);
	}

	static boolean isDevelopmentValue(String value) {
		return value != null && value.startsWith(VerificationProperties.DEV_PREFIX);
	}

	private static byte[] decode(String property, String value, int bytes, boolean exact) {
		if (isDevelopmentValue(value)) {
			return sha256(value);
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(property + " is not base64");
		}
		if (exact ? key.length != bytes : key.length < bytes) {
			throw new IllegalStateException(
					property + " must be base64 of " + (exact ? "" : "at least ") + bytes + " bytes");
		}
		return key;
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
