package com.contentsuite.user.avatar;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Storage keys: generated, content addressed ({@code avatars/{userID}/{sha256 of the
 * stored bytes}.{ext}}), never taken from the upload.
 */
final class AvatarKeys {

	/** Every key this service generates, and the only keys {@code /files/} serves. */
	static final Pattern KEY = Pattern.compile("avatars/[1-9][0-9]{0,18}/[0-9a-f]{64}\\.(png|jpg|gif)");

	private AvatarKeys() {
	}

	static String keyFor(long userId, StoredImage image) {
		return "avatars/" + userId + "/" + sha256(image.bytes()) + "." + image.extension();
	}

	static boolean isKey(String candidate) {
		return candidate != null && KEY.matcher(candidate).matches();
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
