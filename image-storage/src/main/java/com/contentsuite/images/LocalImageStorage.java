package com.contentsuite.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.contentsuite.common.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files under {@code <prefix>.local.directory}, served by {@link FileController} at
 * {@code /files/{key}}. Only keys of this service's prefix are written or resolved.
 */
class LocalImageStorage implements ImageStorage {

	private static final Logger log = LoggerFactory.getLogger(LocalImageStorage.class);

	private final Path root;

	private final String baseUrl;

	private final ImageKeys keys;

	LocalImageStorage(Path directory, String baseUrl, ImageKeys keys) {
		this.root = directory.toAbsolutePath().normalize();
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
		this.keys = keys;
		try {
			Files.createDirectories(this.root);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the image directory " + this.root, ex);
		}
	}

	@Override
	public String store(String key, byte[] bytes, String contentType) {
		Path target = resolve(key);
		if (target == null) {
			throw new IllegalArgumentException("Not a " + this.keys.prefix() + " key: " + key);
		}
		try {
			// Content addressed: a file that exists already has these very bytes.
			if (!Files.exists(target)) {
				Files.createDirectories(target.getParent());
				Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
				try {
					Files.write(temporary, bytes);
					move(temporary, target);
				}
				finally {
					Files.deleteIfExists(temporary);
				}
			}
		}
		catch (IOException ex) {
			log.warn("Cannot write image {}: {}", key, ex.toString());
			throw ApiException.unavailable("image storage is unavailable");
		}
		return this.baseUrl + key;
	}

	/**
	 * The file of a key this service generates, or {@code null} for anything else: only
	 * the generated pattern of this prefix is accepted, and the normalized path must stay
	 * inside the directory.
	 */
	Path resolve(String key) {
		if (!this.keys.isKey(key)) {
			return null;
		}
		Path path = this.root.resolve(key).normalize();
		return path.startsWith(this.root) ? path : null;
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
