package com.contentsuite.moments.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import com.contentsuite.images.ImageType;
import com.contentsuite.moments.MomentsServiceIntegrationTest;
import com.contentsuite.testsupport.ServiceApi;
import com.contentsuite.testsupport.ServiceApi.Reply;
import com.contentsuite.testsupport.TestImages;
import com.contentsuite.testsupport.Uploads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /chatx/moments/images} (docs/api.md section 5: stored as avatars are,
 * section 3's checks) and the files this service serves at
 * {@code GET /files/moments/...}.
 */
class ImagesIntegrationTests extends MomentsServiceIntegrationTest {

	/** {@code moments.storage.local.base-url} of the test context. */
	private static final String BASE_URL = "http://gateway.test/files/";

	@Value("${moments.storage.local.directory}")
	private Path directory;

	private Uploads uploads;

	@BeforeEach
	void uploads() {
		this.uploads = new Uploads(this.port, this.secret, "/chatx/moments/images");
	}

	@Test
	void storesTheReencodedPictureUnderItsContentAddressedKeyAndAnswersItsUrl() throws IOException {
		long userId = newUser();

		Reply reply = this.uploads.upload(userId, "image", "sea.png", "image/png", TestImages.png(12, 9));

		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.errCode()).isZero();
		assertThat(reply.data().propertyNames()).containsExactly("url");
		String key = keyOf(reply.data().get("url").stringValue());
		assertThat(key).matches("moments/" + userId + "/[0-9a-f]{64}\\.png");
		byte[] stored = Files.readAllBytes(this.directory.resolve(key));
		assertThat(key).isEqualTo("moments/" + userId + "/" + sha256(stored) + ".png");
		assertThat(ImageType.sniff(stored)).isEqualTo(ImageType.PNG);
	}

	@ParameterizedTest
	@CsvSource({ "png, png, image/png", "jpeg, jpg, image/jpeg", "gif, gif, image/gif", "webp, png, image/png" })
	void eachAcceptedTypeIsStoredAndServedWithItsFixedType(String type, String extension, String contentType) {
		long userId = newUser();
		byte[] bytes = switch (type) {
			case "png" -> TestImages.png(5, 4);
			case "jpeg" -> TestImages.jpeg(5, 4);
			case "gif" -> TestImages.gif(5, 4);
			default -> TestImages.WEBP;
		};

		// The declared type and name say nothing: the bytes decide.
		Reply reply = this.uploads.upload(userId, "image", "picture.bin", "application/octet-stream", bytes);

		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		String key = keyOf(reply.data().get("url").stringValue());
		assertThat(key).matches("moments/" + userId + "/[0-9a-f]{64}\\." + extension);
		HttpResponse<byte[]> served = this.uploads.file("/files/" + key);
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("Content-Type")).hasValue(contentType);
	}

	@Test
	void theStoredFileIsServedUnsignedWithItsTypeNosniffAndAnImmutableCache() throws IOException {
		long userId = newUser();
		String key = keyOf(this.uploads.upload(userId, "image", "a.png", "image/png", TestImages.png(6, 6))
			.data()
			.get("url")
			.stringValue());

		// No internal-auth headers, no operationID: /files/** is open, as health is.
		HttpResponse<byte[]> response = this.uploads.file("/files/" + key);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
		assertThat(response.body()).isEqualTo(Files.readAllBytes(this.directory.resolve(key)));
	}

	@Test
	void otherRoutesStillRefuseUnsignedRequests() {
		Reply reply = this.api.sendWithHeaders("POST", "/chatx/moments/feed", Map.of("operationID", "op-unsigned"),
				"{}");

		assertThat(reply.status()).as(reply.body()).isEqualTo(403);
		assertThat(reply.errCode()).isEqualTo(1002);
	}

	@Test
	void exifAndTrailingBytesAreNotStored() throws IOException {
		long userId = newUser();
		Reply jpeg = this.uploads.upload(userId, "image", "a.jpg", "image/jpeg",
				TestImages.jpegWithExif("GPS-SECRET-52.1N"));
		Reply png = this.uploads.upload(userId, "image", "b.png", "image/png",
				TestImages.concat(TestImages.png(4, 4), "TRAILING-PAYLOAD".getBytes(StandardCharsets.US_ASCII)));

		assertThat(jpeg.status()).as(jpeg.body()).isEqualTo(200);
		assertThat(png.status()).as(png.body()).isEqualTo(200);
		String jpegKey = keyOf(jpeg.data().get("url").stringValue());
		assertThat(jpegKey).endsWith(".jpg");
		byte[] storedJpeg = Files.readAllBytes(this.directory.resolve(jpegKey));
		byte[] storedPng = Files.readAllBytes(this.directory.resolve(keyOf(png.data().get("url").stringValue())));
		assertThat(ImageType.sniff(storedJpeg)).isEqualTo(ImageType.JPEG);
		assertThat(TestImages.contains(storedJpeg, "GPS-SECRET-52.1N")).isFalse();
		assertThat(TestImages.contains(storedJpeg, "Exif")).isFalse();
		assertThat(TestImages.contains(storedPng, "TRAILING-PAYLOAD")).isFalse();
		// What is served is what was stored, not what was uploaded.
		assertThat(TestImages.contains(this.uploads.file("/files/" + jpegKey).body(), "GPS-SECRET-52.1N")).isFalse();
	}

	@Test
	void avatarKeysAreNotServedHereEvenFromTheSameDirectory() throws IOException {
		String name = "0123456789abcdef".repeat(4) + ".png";
		byte[] png = TestImages.png(2, 2);
		Files.createDirectories(this.directory.resolve("avatars/7"));
		Files.write(this.directory.resolve("avatars/7/" + name), png);
		Files.createDirectories(this.directory.resolve("moments/7"));
		Files.write(this.directory.resolve("moments/7/" + name), png);

		HttpResponse<byte[]> avatar = this.uploads.file("/files/avatars/7/" + name);
		HttpResponse<byte[]> moment = this.uploads.file("/files/moments/7/" + name);

		assertThat(avatar.statusCode()).isEqualTo(404);
		JsonNode body = new Reply(404, new String(avatar.body(), StandardCharsets.UTF_8), Map.of()).json();
		assertThat(body.get("errCode").asInt()).isEqualTo(1004);
		assertThat(body.get("errDlt").asString()).isEqualTo("file not found");
		assertThat(moment.statusCode()).isEqualTo(200);
		assertThat(moment.body()).isEqualTo(png);
	}

	@Test
	void anUnknownKeyIs404() {
		HttpResponse<byte[]> response = this.uploads.file("/files/moments/1/" + "0".repeat(64) + ".png");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"errCode\":1004");
	}

	@Test
	void moreThanTwoMebibytesIs413() {
		byte[] big = TestImages.concat(TestImages.png(4, 4), new byte[2 * 1024 * 1024]);

		Reply reply = this.uploads.upload(newUser(), "image", "big.png", "image/png", big);

		assertError(reply, 413, "image must be at most 2 MiB");
	}

	@Test
	void aRequestAboveTheUploadLimitIs413() {
		byte[] big = TestImages.concat(TestImages.png(4, 4), new byte[3 * 1024 * 1024]);

		Reply reply = this.uploads.upload(newUser(), "image", "big.png", "image/png", big);

		assertThat(reply.status()).as(reply.body()).isEqualTo(413);
		assertThat(reply.errCode()).isEqualTo(1001);
	}

	@Test
	void exactlyTwoMebibytesIsAccepted() {
		byte[] png = TestImages.png(4, 4);
		byte[] exact = TestImages.concat(png, new byte[2 * 1024 * 1024 - png.length]);

		Reply reply = this.uploads.upload(newUser(), "image", "big.png", "image/png", exact);

		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
	}

	@Test
	void notAnImageIs415() {
		Reply reply = this.uploads.upload(newUser(), "image", "evil.png", "image/png",
				"<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));

		assertError(reply, 415, "image must be a PNG, JPEG, GIF or WebP image");
	}

	@Test
	void aDimensionBombIs400() {
		Reply reply = this.uploads.upload(newUser(), "image", "bomb.png", "image/png",
				TestImages.pngHeader(50_000, 50_000));

		assertError(reply, 400, "image must be at most 4096 px a side");
	}

	@Test
	void twoImagePartsAre400() {
		long userId = newUser();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(Uploads.filePart("b", "image", "a.png", "image/png", TestImages.png(2, 2)));
		body.writeBytes(Uploads.filePart("b", "image", "b.png", "image/png", TestImages.png(3, 3)));
		body.writeBytes("--b--\r\n".getBytes(StandardCharsets.UTF_8));

		Reply reply = this.uploads.raw(userId, "multipart/form-data; boundary=b", body.toByteArray());

		assertError(reply, 400, "image must be one file");
		assertThat(this.directory.resolve("moments/" + userId)).doesNotExist();
	}

	@Test
	void withoutTheImagePartIs400() {
		Reply reply = this.uploads.upload(newUser(), "file", "a.png", "image/png", TestImages.png(2, 2));

		assertError(reply, 400, "image is required");
	}

	@Test
	void withoutATokenIs401() {
		Reply reply = this.uploads.upload(null, "image", "a.png", "image/png", TestImages.png(2, 2));

		assertError(reply, 401, "token is empty");
	}

	@Test
	void aPublishedPostCarriesTheUploadedUrlAndGetAnswersIt() {
		long userId = newUser();
		String first = this.uploads.upload(userId, "image", "a.png", "image/png", TestImages.png(3, 3))
			.data()
			.get("url")
			.stringValue();
		String second = this.uploads.upload(userId, "image", "b.jpg", "image/jpeg", TestImages.jpeg(3, 3))
			.data()
			.get("url")
			.stringValue();

		JsonNode published = ok("publish", userId, "{\"content\":\"two pictures\",\"images\":["
				+ ServiceApi.quote(first) + "," + ServiceApi.quote(second) + "]}");
		JsonNode post = get(Long.parseLong(published.get("postID").asString()), userId);

		assertThat(post.get("images")).hasSize(2);
		assertThat(post.get("images").get(0).asString()).isEqualTo(first);
		assertThat(post.get("images").get(1).asString()).isEqualTo(second);
		assertThat(this.uploads.file("/files/" + keyOf(second)).statusCode()).isEqualTo(200);
	}

	private String keyOf(String url) {
		assertThat(url).startsWith(BASE_URL);
		return url.substring(BASE_URL.length());
	}

	private static void assertError(Reply reply, int status, String detail) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.errCode()).isEqualTo(1001);
		assertThat(reply.errDlt()).isEqualTo(detail);
		assertThat(reply.json().has("data")).isFalse();
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
