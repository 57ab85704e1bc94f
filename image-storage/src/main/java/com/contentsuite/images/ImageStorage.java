package com.contentsuite.images;

/**
 * Where image files go: local files (the default) or Qiniu, chosen by the service's
 * {@code <prefix>.type}.
 */
public interface ImageStorage {

	/**
	 * Stores {@code bytes} under {@code key} and answers the public URL. A storage that
	 * cannot be reached answers 503 {@code 1006}.
	 */
	String store(String key, byte[] bytes, String contentType);

}
