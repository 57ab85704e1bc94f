package com.contentsuite.user.avatar;

/**
 * Where avatar files go: local files (the default) or Qiniu, chosen by
 * {@code user.storage.type}.
 */
public interface AvatarStorage {

	/**
	 * Stores {@code bytes} under {@code key} and answers the public URL. A storage that
	 * cannot be reached answers 503 {@code 1006}.
	 */
	String store(String key, byte[] bytes, String contentType);

}
