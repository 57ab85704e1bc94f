package com.contentsuite.images;

import java.nio.file.Path;

import com.contentsuite.common.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code GET /files/**} serves the keys of its own service's prefix only, also when
 * another service's files lie in the same directory.
 */
class FileControllerTests {

	private static final String HASH = "c".repeat(64);

	@TempDir
	Path directory;

	@Test
	void servesAKeyOfItsOwnPrefixWithFixedTypeNosniffAndALongCache() {
		LocalImageStorage moments = local("moments");
		String key = "moments/7/" + HASH + ".gif";
		moments.store(key, new byte[] { 7, 8 }, "image/gif");

		ResponseEntity<byte[]> response = new FileController(moments).file(get("/files/" + key));

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getHeaders().getFirst("Content-Type")).isEqualTo("image/gif");
		assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeaders().getFirst("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
		assertThat(response.getBody()).containsExactly(7, 8);
	}

	@Test
	void servesNoKeyOfAnotherPrefixFromTheSameDirectory() {
		String avatar = "avatars/7/" + HASH + ".png";
		local("avatars").store(avatar, new byte[] { 1 }, "image/png");
		FileController moments = new FileController(local("moments"));

		assertNotFound(moments, "/files/" + avatar);
		assertNotFound(moments, "/files/moments/../" + avatar);
		assertNotFound(new FileController(local("avatars")), "/files/moments/7/" + HASH + ".png");
	}

	@Test
	void answersAnUnknownKeyOfItsPrefixWith404() {
		assertNotFound(new FileController(local("moments")), "/files/moments/7/" + HASH + ".png");
	}

	@Test
	void servesNothingWithQiniuAnsweringAsAnUnmappedRoute() {
		local("avatars").store("avatars/7/" + HASH + ".png", new byte[] { 1 }, "image/png");
		ImageStorage qiniu = (key, bytes, contentType) -> "https://img.example.com/" + key;

		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> new FileController(qiniu).file(get("/files/avatars/7/" + HASH + ".png")))
			.satisfies((ex) -> {
				assertThat(ex.httpStatus()).isEqualTo(404);
				assertThat(ex.code().code()).isEqualTo(1004);
				assertThat(ex.detail()).isEqualTo("route not found");
			});
	}

	@Test
	void stripsTheContextPathBeforeTheKey() {
		LocalImageStorage moments = local("moments");
		String key = "moments/7/" + HASH + ".png";
		moments.store(key, new byte[] { 3 }, "image/png");
		MockHttpServletRequest request = get("/api/files/" + key);
		request.setContextPath("/api");

		assertThat(new FileController(moments).file(request).getBody()).containsExactly(3);
	}

	private LocalImageStorage local(String prefix) {
		return new LocalImageStorage(this.directory, "http://gw.example/files/", ImageKeys.of(prefix));
	}

	private static MockHttpServletRequest get(String uri) {
		return new MockHttpServletRequest("GET", uri);
	}

	private static void assertNotFound(FileController controller, String uri) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> controller.file(get(uri))).satisfies((ex) -> {
			assertThat(ex.httpStatus()).isEqualTo(404);
			assertThat(ex.code().code()).isEqualTo(1004);
			assertThat(ex.detail()).isEqualTo("file not found");
		});
	}

}
