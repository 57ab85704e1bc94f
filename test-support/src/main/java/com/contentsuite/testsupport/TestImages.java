package com.contentsuite.testsupport;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Images and not-quite-images for the tests of image uploads (image-storage, and the
 * services that use it).
 */
public final class TestImages {

	/** A 1x1 lossy WebP (VP8). */
	public static final byte[] WEBP = Base64.getDecoder()
		.decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");

	private TestImages() {
	}

	public static BufferedImage picture(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) {
				image.setRGB(x, y, new Color((x * 16) % 256, (y * 16) % 256, 128).getRGB());
			}
		}
		return image;
	}

	public static byte[] png(int width, int height) {
		return write(picture(width, height), "png");
	}

	public static byte[] jpeg(int width, int height) {
		return write(picture(width, height), "jpeg");
	}

	public static byte[] gif(int width, int height) {
		return write(picture(width, height), "gif");
	}

	/** A JPEG with an EXIF APP1 segment right after SOI that holds {@code marker}. */
	public static byte[] jpegWithExif(String marker) {
		byte[] jpeg = jpeg(16, 16);
		byte[] payload = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1),
				("MM\0*" + marker).getBytes(StandardCharsets.ISO_8859_1));
		int length = payload.length + 2;
		byte[] segment = concat(new byte[] { (byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length }, payload);
		byte[] soi = { jpeg[0], jpeg[1] };
		byte[] rest = new byte[jpeg.length - 2];
		System.arraycopy(jpeg, 2, rest, 0, rest.length);
		return concat(concat(soi, segment), rest);
	}

	/**
	 * A PNG whose header declares {@code width} x {@code height} pixels, with a body of a
	 * few bytes.
	 */
	public static byte[] pngHeader(int width, int height) {
		ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2);
		ihdr.put((byte) 0).put((byte) 0).put((byte) 0);
		byte[] signature = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
		return concat(concat(concat(signature, chunk("IHDR", ihdr.array())), chunk("IDAT", new byte[] { 0x78, 0x01 })),
				chunk("IEND", new byte[0]));
	}

	public static byte[] concat(byte[] first, byte[] second) {
		byte[] all = new byte[first.length + second.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

	public static boolean contains(byte[] haystack, String needle) {
		return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
	}

	private static byte[] chunk(String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		return ByteBuffer.allocate(12 + data.length)
			.putInt(data.length)
			.put(typeBytes)
			.put(data)
			.putInt((int) crc.getValue())
			.array();
	}

	private static byte[] write(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
