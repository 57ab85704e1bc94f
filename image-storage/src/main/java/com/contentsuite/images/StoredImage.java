package com.contentsuite.images;

/**
 * A re-encoded image as it is stored: its bytes, the file extension of its key and its
 * fixed content type.
 */
record StoredImage(byte[] bytes, String extension, String contentType) {

	static final String PNG = "png";

	static final String JPG = "jpg";

	static final String GIF = "gif";

	/** The content type served for a stored key's extension, or {@code null}. */
	static String contentTypeOf(String extension) {
		return switch (extension) {
			case PNG -> "image/png";
			case JPG -> "image/jpeg";
			case GIF -> "image/gif";
			default -> null;
		};
	}

}
