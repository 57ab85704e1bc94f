package com.contentsuite.user.avatar;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import com.contentsuite.images.ImageType;
import com.contentsuite.testsupport.ServiceApi.Reply;
import com.contentsuite.testsupport.TestImages;
import com.contentsuite.user.UserServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

class AvatarIntegrationTests extends UserServiceIntegrationTest {

	private static final String BASE_URL = "http://gateway.test/files/";

	@LocalServerPort
	private int port;

	@Value("${suite.internal-auth.secret}")
	private String secret;

	@Value("${user.storage.local.directory}")
	private Path directory;

	private Uploads uploads;

	@BeforeEach
	void uploads() {
		this.uploads = new Uploads(this.port, this.secret);
	}

	private static void assertError(Reply reply, int status, int errCode) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.errCode()).isEqualTo(errCode);
		assertThat(reply.json().has("data")).isFalse();
	}

	private String keyOf(String url) {
		assertThat(url).startsWith(BASE_URL);
		return url.substring(BASE_URL.length());
	}

	@Nested
	class Upload {

		@Test
		void storesTheReencodedImageUnderItsContentAddressedKeyAndSetsTheProfile() throws Exception {
			long userId = syncedUser();
			byte[] upload = TestImages.png(12, 9);

			Reply reply = AvatarIntegrationTests.this.uploads.avatar(userId, "avatar", "me.png", "image/png", upload);

			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
			assertThat(reply.data().propertyNames()).containsExactly("avatarUrl");
			String url = reply.data().get("avatarUrl").stringValue();
			String key = keyOf(url);
			assertThat(key).matches("avatars/" + userId + "/[0-9a-f]{64}\\.png");
			byte[] stored = Files.readAllBytes(AvatarIntegrationTests.this.directory.resolve(key));
			String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored));
			assertThat(key).isEqualTo("avatars/" + userId + "/" + sha256 + ".png");
			assertThat(AvatarIntegrationTests.this.api.get("/users/me", userId).data().get("avatarUrl").stringValue())
				.isEqualTo(url);
			assertThat(
					AvatarIntegrationTests.this.api.get("/users/" + userId, null).data().get("avatarUrl").stringValue())
				.isEqualTo(url);
		}

		@Test
		void sameImageTwiceHasTheSameKey() {
			long userId = syncedUser();
			byte[] upload = TestImages.png(3, 3);

			String first = AvatarIntegrationTests.this.uploads.avatar(userId, "avatar", "a.png", "image/png", upload)
				.data()
				.get("avatarUrl")
				.stringValue();
			String second = AvatarIntegrationTests.this.uploads.avatar(userId, "avatar", "b.png", "image/png", upload)
				.data()
				.get("avatarUrl")
				.stringValue();

			assertThat(second).isEqualTo(first);
		}

		@Test
		void takesTheTypeFromTheBytesNotTheNameOrDeclaredType() {
			long userId = syncedUser();

			Reply reply = AvatarIntegrationTests.this.uploads.avatar(userId, "avatar", "photo.jpg", "image/jpeg",
					TestImages.png(4, 4));

			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
			assertThat(reply.data().get("avatarUrl").stringValue()).endsWith(".png");
		}

		@Test
		void refusesTextNamedPngWith415AndKeepsTheProfile() {
			long userId = syncedUser();

			Reply reply = AvatarIntegrationTests.this.uploads.avatar(userId, "avatar", "evil.png", "image/png",
					"<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));

			assertError(reply, 415, 1001);
			assertThat(AvatarIntegrationTests.this.api.get("/users/me", userId).data().get("avatarUrl").stringValue())
				.isEmpty();
		}

		@Test
		void refusesADimensionBombWith400Quickly() {
			long userId = syncedUser();
			long start = System.nanoTime();

			Reply reply = AvatarIntegrationTests.this.uploads.avatar(userId, "avatar", "bomb.png", "image/png",
					TestImages.pngHeader(50_000, 50_000));

			assertError(reply, 400, 1001);
			assertThat(reply.errDlt()).isEqualTo("avatar must be at most 4096 px a side");
			assertThat(System.nanoTime() - start).isLessThan(3_000_000_000L);
		}

		@Test
		void refusesUndecodableDataWith400() {
			long userId = syncedUser();
			byte[] broken = TestImages.concat(java.util.Arrays.copyOf(TestImages.png(8, 8), 8), new byte[100]);

			assertError(AvatarIntegrationTests.this.uploads.avatar(userId, "avatar", "x.png", "image/png", broken), 400,
					1001);
		}

		@Test
		void refusesMoreThanTwoMebibytesWith413() {
			long userId = syncedUser();
			byte[] big = TestImages.concat(TestImages.png(4, 4), new byte[2 * 1024 * 1024]);

			assertError(AvatarIntegrationTests.this.uploads.avatar(userId, "avatar", "big.png", "image/png", big), 413,
					1001);
		}

		@Test
		void acceptsExactlyTwoMebibytes() {
			long userId = syncedUser();
			byte[] png = TestImages.png(4, 4);
			byte[] exact = TestImages.concat(png, new byte[2 * 1024 * 1024 - png.length]);

			Reply reply = AvatarIntegrationTests.this.uploads.avatar(userId, "avatar", "big.png", "image/png", exact);

			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		}

		@Test
		void storesNoExifAndNoTrailingBytes() throws IOException {
			long userId = syncedUser();
			Reply jpeg = AvatarIntegrationTests.this.uploads.avatar(userId, "avatar", "a.jpg", "image/jpeg",
					TestImages.jpegWithExif("GPS-SECRET-52.1N"));
			Reply png = AvatarIntegrationTests.this.uploads.avatar(userId, "avatar", "b.png", "image/png",
					TestImages.concat(TestImages.png(4, 4), "TRAILING-PAYLOAD".getBytes(StandardCharsets.US_ASCII)));

			byte[] storedJpeg = Files.readAllBytes(
					AvatarIntegrationTests.this.directory.resolve(keyOf(jpeg.data().get("avatarUrl").stringValue())));
			byte[] storedPng = Files.readAllBytes(
					AvatarIntegrationTests.this.directory.resolve(keyOf(png.data().get("avatarUrl").stringValue())));
			assertThat(ImageType.sniff(storedJpeg)).isEqualTo(ImageType.JPEG);
			assertThat(TestImages.contains(storedJpeg, "GPS-SECRET-52.1N")).isFalse();
			assertThat(TestImages.contains(storedJpeg, "Exif")).isFalse();
			assertThat(TestImages.contains(storedPng, "TRAILING-PAYLOAD")).isFalse();
		}

		@Test
		void storesAWebpAsPng() {
			long userId = syncedUser();

			Reply reply = AvatarIntegrationTests.this.uploads.avatar(userId, "avatar", "a.webp", "image/webp",
					TestImages.WEBP);

			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
			assertThat(reply.data().get("avatarUrl").stringValue()).endsWith(".png");
		}

		@Test
		void withoutTheAvatarPartIs400() {
			assertError(AvatarIntegrationTests.this.uploads.avatar(syncedUser(), "file", "a.png", "image/png",
					TestImages.png(2, 2)), 400, 1001);
		}

		@Test
		void withoutATokenIs401() {
			Reply reply = AvatarIntegrationTests.this.uploads.avatar(null, "avatar", "a.png", "image/png",
					TestImages.png(2, 2));

			assertError(reply, 401, 1001);
			assertThat(reply.errDlt()).isEqualTo("token is empty");
		}

		@Test
		void forAUserWithoutProfileIs1004() {
			assertError(AvatarIntegrationTests.this.uploads.avatar(newUserId(), "avatar", "a.png", "image/png",
					TestImages.png(2, 2)), 404, 1004);
		}

	}

	@Nested
	class MalformedRequests {

		@Test
		void aMultipartContentTypeWithoutBoundaryIs400() {
			Reply reply = AvatarIntegrationTests.this.uploads.raw(syncedUser(), "multipart/form-data",
					Uploads.filePart("b", "avatar", "a.png", "image/png", TestImages.png(2, 2)));

			assertError(reply, 400, 1001);
			assertThat(reply.errDlt()).isEqualTo("request is not a valid multipart body");
		}

		@Test
		void aBodyWithoutItsClosingBoundaryIs400() {
			Reply reply = AvatarIntegrationTests.this.uploads.raw(syncedUser(), "multipart/form-data; boundary=b",
					Uploads.filePart("b", "avatar", "a.png", "image/png", TestImages.png(2, 2)));

			assertError(reply, 400, 1001);
			assertThat(reply.errDlt()).isEqualTo("request is not a valid multipart body");
		}

		@Test
		void aJsonBodyIs415NamingThePart() {
			Reply reply = AvatarIntegrationTests.this.uploads.raw(syncedUser(), "application/json",
					"{\"avatar\": \"x\"}".getBytes(StandardCharsets.UTF_8));

			assertError(reply, 415, 1001);
			assertThat(reply.errDlt()).isEqualTo("avatar must be sent as multipart/form-data");
		}

		@Test
		void twoAvatarPartsAre400AndKeepTheProfile() {
			long userId = syncedUser();
			java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
			body.writeBytes(Uploads.filePart("b", "avatar", "a.png", "image/png", TestImages.png(2, 2)));
			body.writeBytes(Uploads.filePart("b", "avatar", "b.png", "image/png", TestImages.png(3, 3)));
			body.writeBytes("--b--\r\n".getBytes(StandardCharsets.UTF_8));

			Reply reply = AvatarIntegrationTests.this.uploads.raw(userId, "multipart/form-data; boundary=b",
					body.toByteArray());

			assertError(reply, 400, 1001);
			assertThat(reply.errDlt()).isEqualTo("avatar must be one file");
			assertThat(AvatarIntegrationTests.this.api.get("/users/me", userId).data().get("avatarUrl").stringValue())
				.isEmpty();
		}

	}

	@Nested
	class ServedFiles {

		@Test
		void servesAStoredFileWithItsFixedTypeNosniffAndALongCache() {
			long userId = syncedUser();
			String url = AvatarIntegrationTests.this.uploads
				.avatar(userId, "avatar", "a.jpg", "image/jpeg", TestImages.jpeg(5, 5))
				.data()
				.get("avatarUrl")
				.stringValue();
			String key = keyOf(url);

			HttpResponse<byte[]> response = AvatarIntegrationTests.this.uploads.file("/files/" + key);

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
			assertThat(response.body()).isEqualTo(readStored(key));
		}

		@Test
		void answersAnUnknownKeyWith404Envelope() {
			HttpResponse<byte[]> response = AvatarIntegrationTests.this.uploads
				.file("/files/avatars/1/" + "0".repeat(64) + ".png");

			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"errCode\":1004");
		}

		@ParameterizedTest
		@ValueSource(strings = { "/files/../application.properties", "/files/..%2fapplication.properties",
				"/files/%2e%2e/%2e%2e/pom.xml", "/files/avatars/1/..%2f..%2f..%2fpom.xml",
				"/files/avatars/%2e%2e/%2e%2e/%2e%2e/pom.xml", "/files/../../pom.xml",
				"/files/%2e%2e%5c%2e%2e%5cpom.xml", "/files//etc/passwd", "/files/secret.txt",
				"/files/avatars/1/secret.txt" })
		void neverServesAnythingOutsideTheGeneratedKeys(String path) throws IOException {
			// A file beside the keys, inside the directory, is not served either.
			Files.createDirectories(AvatarIntegrationTests.this.directory.resolve("avatars/1"));
			Files.writeString(AvatarIntegrationTests.this.directory.resolve("secret.txt"), "TOP-SECRET");
			Files.writeString(AvatarIntegrationTests.this.directory.resolve("avatars/1/secret.txt"), "TOP-SECRET");

			HttpResponse<byte[]> response = AvatarIntegrationTests.this.uploads.file(path);

			assertThat(response.statusCode()).as(path).isIn(400, 404);
			String body = new String(response.body(), StandardCharsets.UTF_8);
			assertThat(body).doesNotContain("TOP-SECRET").doesNotContain("<project").doesNotContain("root:");
		}

		private byte[] readStored(String key) {
			try {
				return Files.readAllBytes(AvatarIntegrationTests.this.directory.resolve(key));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
