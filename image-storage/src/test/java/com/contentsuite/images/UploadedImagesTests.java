package com.contentsuite.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.testsupport.TestImages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UploadedImagesTests {

	// The subject only names the upload in error texts; user-service's is "avatar".
	private static final String SUBJECT = "avatar";

	@Test
	void recognisesEachTypeFromItsBytes() {
		assertThat(ImageType.sniff(TestImages.png(2, 2))).isEqualTo(ImageType.PNG);
		assertThat(ImageType.sniff(TestImages.jpeg(2, 2))).isEqualTo(ImageType.JPEG);
		assertThat(ImageType.sniff(TestImages.gif(2, 2))).isEqualTo(ImageType.GIF);
		assertThat(ImageType.sniff(TestImages.WEBP)).isEqualTo(ImageType.WEBP);
		assertThat(ImageType.sniff("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)))
			.isNull();
		assertThat(ImageType.sniff(new byte[0])).isNull();
		assertThat(ImageType.sniff("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.US_ASCII))).isNull();
	}

	@Test
	void keepsPngJpegAndGifInTheirTypeAndTurnsWebpIntoPng() throws IOException {
		assertThat(UploadedImages.reencode(SUBJECT, TestImages.png(5, 3))).satisfies((image) -> {
			assertThat(image.extension()).isEqualTo("png");
			assertThat(image.contentType()).isEqualTo("image/png");
			assertThat(dimensions(image.bytes())).containsExactly(5, 3);
		});
		assertThat(UploadedImages.reencode(SUBJECT, TestImages.jpeg(7, 4))).satisfies((image) -> {
			assertThat(image.extension()).isEqualTo("jpg");
			assertThat(ImageType.sniff(image.bytes())).isEqualTo(ImageType.JPEG);
			assertThat(dimensions(image.bytes())).containsExactly(7, 4);
		});
		assertThat(UploadedImages.reencode(SUBJECT, TestImages.gif(6, 6))).satisfies((image) -> {
			assertThat(image.extension()).isEqualTo("gif");
			assertThat(ImageType.sniff(image.bytes())).isEqualTo(ImageType.GIF);
		});
		assertThat(UploadedImages.reencode(SUBJECT, TestImages.WEBP)).satisfies((image) -> {
			assertThat(image.extension()).isEqualTo("png");
			assertThat(ImageType.sniff(image.bytes())).isEqualTo(ImageType.PNG);
			assertThat(dimensions(image.bytes())).containsExactly(1, 1);
		});
	}

	@Test
	void refusesWhatIsNoImageWith415() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> UploadedImages.reencode(SUBJECT, "hello, not a picture".getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> {
				assertThat(ex.httpStatus()).isEqualTo(415);
				assertThat(ex.code().code()).isEqualTo(1001);
			});
	}

	@Test
	void refusesADimensionBombFromItsHeader() {
		byte[] bomb = TestImages.pngHeader(50_000, 50_000);
		assertThat(bomb.length).isLessThan(100);

		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> UploadedImages.reencode(SUBJECT, bomb))
			.satisfies((ex) -> {
				assertThat(ex.httpStatus()).isEqualTo(400);
				assertThat(ex.detail()).isEqualTo(SUBJECT + " must be at most 4096 px a side");
			});
	}

	@Test
	void refusesOneSideOverTheLimit() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> UploadedImages.reencode(SUBJECT, TestImages.pngHeader(4097, 1)))
			.satisfies((ex) -> assertThat(ex.httpStatus()).isEqualTo(400));
	}

	@Test
	void refusesUndecodableDataBehindARightMagicNumberWith400() {
		byte[] png = TestImages.png(8, 8);
		byte[] truncated = java.util.Arrays.copyOf(png, 40);
		byte[] garbage = TestImages.concat(java.util.Arrays.copyOf(png, 8), new byte[64]);

		for (byte[] upload : new byte[][] { truncated, garbage, TestImages.pngHeader(0, 0),
				{ (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 } }) {
			assertThatExceptionOfType(ApiException.class).isThrownBy(() -> UploadedImages.reencode(SUBJECT, upload))
				.satisfies((ex) -> {
					assertThat(ex.httpStatus()).isEqualTo(400);
					assertThat(ex.code().code()).isEqualTo(1001);
				});
		}
	}

	@Test
	void dropsExifFromAJpeg() {
		byte[] upload = TestImages.jpegWithExif("GPS-SECRET-52.1N");
		assertThat(TestImages.contains(upload, "GPS-SECRET-52.1N")).isTrue();
		assertThat(TestImages.contains(upload, "Exif")).isTrue();

		byte[] stored = UploadedImages.reencode(SUBJECT, upload).bytes();

		assertThat(TestImages.contains(stored, "GPS-SECRET-52.1N")).isFalse();
		assertThat(TestImages.contains(stored, "Exif")).isFalse();
	}

	@Test
	void dropsBytesAfterThePngEnd() {
		byte[] upload = TestImages.concat(TestImages.png(4, 4),
				"<?php system($_GET['c']); ?>".getBytes(StandardCharsets.US_ASCII));

		byte[] stored = UploadedImages.reencode(SUBJECT, upload).bytes();

		assertThat(TestImages.contains(stored, "<?php")).isFalse();
		assertThat(TestImages.contains(stored, "IEND")).isTrue();
	}

	private static int[] dimensions(byte[] bytes) throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
		return new int[] { image.getWidth(), image.getHeight() };
	}

}
