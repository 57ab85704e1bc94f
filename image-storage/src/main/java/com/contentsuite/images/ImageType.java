package com.contentsuite.images;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The upload types an image may have, recognised from their magic numbers only (never
 * from the file name or the declared content type).
 */
public enum ImageType {

	PNG, JPEG, GIF, WEBP;

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] GIF87A = "GIF87a".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] GIF89A = "GIF89a".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] WEBP_TAG = "WEBP".getBytes(StandardCharsets.US_ASCII);

	/** The type the bytes start with, or {@code null} for anything else. */
	public static ImageType sniff(byte[] bytes) {
		if (startsWith(bytes, 0, PNG_SIGNATURE)) {
			return PNG;
		}
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
			return JPEG;
		}
		if (startsWith(bytes, 0, GIF87A) || startsWith(bytes, 0, GIF89A)) {
			return GIF;
		}
		if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP_TAG)) {
			return WEBP;
		}
		return null;
	}

	private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
		return bytes.length >= offset + prefix.length
				&& Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
	}

}
