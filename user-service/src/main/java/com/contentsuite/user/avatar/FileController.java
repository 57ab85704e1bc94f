package com.contentsuite.user.avatar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServletRequest;

import com.contentsuite.common.web.ApiException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /files/{key}} for the local storage: only keys of the generated pattern,
 * from inside the storage directory, with their fixed image type, {@code nosniff} and a
 * year-long immutable cache (a key names its content).
 */
@RestController
@ConditionalOnProperty(name = "user.storage.type", havingValue = "local", matchIfMissing = true)
class FileController {

	private static final String PREFIX = "/files/";

	private final LocalAvatarStorage storage;

	FileController(LocalAvatarStorage storage) {
		this.storage = storage;
	}

	@GetMapping("/files/**")
	ResponseEntity<byte[]> file(HttpServletRequest request) {
		// The raw (still encoded) URI: an encoded dot or slash never matches the key
		// pattern.
		String uri = request.getRequestURI().substring(request.getContextPath().length());
		String key = uri.startsWith(PREFIX) ? uri.substring(PREFIX.length()) : null;
		Path file = this.storage.resolve(key);
		if (file == null || !Files.isRegularFile(file)) {
			throw ApiException.notFound("file not found");
		}
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw ApiException.notFound("file not found");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(StoredImage.contentTypeOf(AvatarKeys.extensionOf(key))))
			.header(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
			.header("X-Content-Type-Options", "nosniff")
			.body(bytes);
	}

}
