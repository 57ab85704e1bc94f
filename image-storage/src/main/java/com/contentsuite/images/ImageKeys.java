package com.contentsuite.images;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Storage keys of one service: generated, content addressed
 * ({@code {keyPrefix}/{ownerID}/ {sha256 of the stored bytes}.{ext}}), never taken from
 * the upload.
 */
final class ImageKeys {

	/** What a key prefix may be: one path segment that needs no escaping anywhere. */
	static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9-]{0,31}");

	private final String prefix;

	/** Every key this service generates, and the only keys its {@code /files/} serves. */
	private final Pattern key;

	private ImageKeys(String prefix) {
		this.prefix = prefix;
		this.key = Pattern.compile(Pattern.quote(prefix) + "/[1-9][0-9]{0,18}/[0-9a-f]{64}\\.(png|jpg|gif)");
	}

	static ImageKeys of(String prefix) {
		if (prefix == null || !PREFIX.matcher(prefix).matches()) {
			throw new IllegalArgumentException("Not a key prefix: " + prefix);
		}
		return new ImageKeys(prefix);
	}

	String prefix() {
		return this.prefix;
	}

	String keyFor(long ownerId, StoredImage image) {
		return this.prefix + "/" + ownerId + "/" + sha256(image.bytes()) + "." + image.extension();
	}

	boolean isKey(String candidate) {
		return candidate != null && this.key.matcher(candidate).matches();
	}

	static String extensionOf(String key) {
		return key.substring(key.lastIndexOf('.') + 1);
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
