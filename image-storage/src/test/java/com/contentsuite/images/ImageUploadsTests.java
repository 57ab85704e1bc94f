package com.contentsuite.images;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.testsupport.TestImages;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.multipart.MultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ImageUploadsTests {

	private final List<String> events = new ArrayList<>();

	private final List<byte[]> stored = new ArrayList<>();

	private ImageStorage storage = (key, bytes, contentType) -> {
		this.events.add("store " + key + " " + contentType);
		this.stored.add(bytes);
		return "https://img.example.com/" + key;
	};

	private ImageUploads uploads() {
		return new ImageUploads((key, bytes, type) -> this.storage.store(key, bytes, type), ImageKeys.of("moments"));
	}

	private MultipartFile part(byte[] bytes) {
		return new MockMultipartFile("picture", "p.jpg", "image/jpeg", bytes) {
			@Override
			public byte[] getBytes() throws IOException {
				ImageUploadsTests.this.events.add("read");
				return super.getBytes();
			}
		};
	}

	@Test
	void storesTheReencodedImageUnderPrefixOwnerAndItsSha256AndAnswersTheUrl() throws Exception {
		String url = uploads().upload("picture", 42, List.of(part(TestImages.png(3, 2))));

		assertThat(this.stored).hasSize(1);
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(this.stored.get(0)));
		assertThat(url).isEqualTo("https://img.example.com/moments/42/" + sha256 + ".png");
		assertThat(this.events).containsExactly("read", "store moments/42/" + sha256 + ".png image/png");
	}

	@Test
	void runsTheOwnerCheckAfterTheSizeCheckAndBeforeReadingTheBytes() {
		uploads().upload("picture", 42, List.of(part(TestImages.jpeg(2, 2))), () -> this.events.add("check"));

		assertThat(this.events).hasSize(3).startsWith("check", "read");
		assertThat(this.events.get(2)).matches("store moments/42/[0-9a-f]{64}\\.jpg image/jpeg");
	}

	@Test
	void aFailedOwnerCheckPassesThroughAndStoresNothing() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> uploads().upload("picture", 42, List.of(part(TestImages.png(2, 2))), () -> {
				throw ApiException.notFound("user not found");
			}))
			.satisfies((ex) -> assertThat(ex.detail()).isEqualTo("user not found"));
		assertThat(this.events).isEmpty();
	}

	@Test
	void refusesNoneOrTwoPartsBeforeAnythingElse() {
		for (List<MultipartFile> parts : List.of(List.<MultipartFile>of(),
				List.of(part(TestImages.png(2, 2)), part(TestImages.png(3, 3))))) {
			assertThatExceptionOfType(ApiException.class)
				.isThrownBy(() -> uploads().upload("picture", 42, parts, () -> this.events.add("check")))
				.satisfies((ex) -> {
					assertThat(ex.httpStatus()).isEqualTo(400);
					assertThat(ex.code().code()).isEqualTo(1001);
					assertThat(ex.detail()).isEqualTo("picture must be one file");
				});
		}
		assertThat(this.events).isEmpty();
	}

	@Test
	void refusesMoreThanTwoMebibytesWith413BeforeTheOwnerCheck() {
		byte[] big = TestImages.concat(TestImages.png(4, 4), new byte[2 * 1024 * 1024]);

		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> uploads().upload("picture", 42, List.of(part(big)), () -> this.events.add("check")))
			.satisfies((ex) -> {
				assertThat(ex.httpStatus()).isEqualTo(413);
				assertThat(ex.code().code()).isEqualTo(1001);
				assertThat(ex.detail()).isEqualTo("picture must be at most 2 MiB");
			});
		assertThat(this.events).isEmpty();
	}

	@Test
	void namesTheSubjectInTheImageChecks() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> uploads().upload("picture", 42, List.of(part("text".getBytes()))))
			.satisfies((ex) -> {
				assertThat(ex.httpStatus()).isEqualTo(415);
				assertThat(ex.detail()).isEqualTo("picture must be a PNG, JPEG, GIF or WebP image");
			});
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> uploads().upload("picture", 42, List.of(part(TestImages.pngHeader(0, 0)))))
			.satisfies((ex) -> assertThat(ex.detail()).isEqualTo("picture is not a decodable image"));
	}

	@Test
	void aStorageFailureIs1006NamingTheSubject() {
		this.storage = (key, bytes, contentType) -> {
			throw ApiException.unavailable("image storage is unavailable");
		};

		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> uploads().upload("picture", 42, List.of(part(TestImages.png(2, 2)))))
			.satisfies((ex) -> {
				assertThat(ex.httpStatus()).isEqualTo(503);
				assertThat(ex.code().code()).isEqualTo(1006);
				assertThat(ex.detail()).isEqualTo("picture storage is unavailable");
			});
	}

}
