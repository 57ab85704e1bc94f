package com.contentsuite.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServletRequest;

import com.contentsuite.common.operation.OperationIdOptional;
import com.contentsuite.common.web.ApiErrors;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /files/{key}} for the local storage: only keys of the generated pattern and
 * this service's prefix, from inside the storage directory, with their fixed image type,
 * {@code nosniff} and a year-long immutable cache (a key names its content). With Qiniu
 * every path is 404 "route not found", as an unmapped path: Qiniu's domain serves them.
 */
@RestController
class FileController {

	private static final String PREFIX = "/files/";

	// Null with Qiniu. The route stays mapped (as 404): the storage type is known only
	// once the service's properties bean is bound, after bean conditions are evaluated.
	private final LocalImageStorage storage;

	FileController(ImageStorage storage) {
		this.storage = (storage instanceof LocalImageStorage local) ? local : null;
	}

	/**
	 * An {@code <img>} tag fetches it, so it may omit operationID; the key is every
	 * segment after {@code /files/}, which the API document names {@code key}.
	 */
	@GetMapping("/files/**")
	@OperationIdOptional
	@ApiErrors(ErrorCode.RECORD_NOT_FOUND)
	@Parameter(name = "key", in = ParameterIn.PATH, required = true,
			description = "the stored key, slashes included: avatars/{userID}/{sha256}.{ext} (user-service) "
					+ "or moments/{userID}/{sha256}.{ext} (moments-service)",
			schema = @Schema(type = "string", example = "avatars/7/ab12.png"))
	@ApiResponse(responseCode = "200",
			description = "the stored file itself (no envelope), local storage only; "
					+ "Cache-Control: public, max-age=31536000, immutable; X-Content-Type-Options: nosniff",
			content = {
					@Content(mediaType = MediaType.IMAGE_PNG_VALUE,
							schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = MediaType.IMAGE_JPEG_VALUE,
							schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = MediaType.IMAGE_GIF_VALUE,
							schema = @Schema(type = "string", format = "binary")) })
	ResponseEntity<byte[]> file(HttpServletRequest request) {
		if (this.storage == null) {
			// What an unmapped path answers (common maps Spring's 404 so): with Qiniu
			// this
			// service has no files to serve.
			throw ApiException.notFound("route not found");
		}
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
			.contentType(MediaType.parseMediaType(StoredImage.contentTypeOf(ImageKeys.extensionOf(key))))
			.header(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
			.header("X-Content-Type-Options", "nosniff")
			.body(bytes);
	}

}
