package com.contentsuite.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

/**
 * Checks an uploaded image and re-encodes it: type from the magic number (415 otherwise),
 * dimensions from the header before any pixel is decoded (400 above {@value #MAX_SIDE} px
 * a side), then decoded and written anew, which leaves EXIF and other metadata, trailing
 * bytes and any payload the pixels do not carry behind. PNG stays PNG, JPEG stays JPEG,
 * GIF stays GIF (its first frame only), WebP becomes PNG (ImageIO has no WebP writer;
 * TwelveMonkeys' pure-Java reader decodes it).
 */
final class UploadedImages {

	static final int MAX_SIDE = 4096;

	private static final float JPEG_QUALITY = 0.9f;

	private UploadedImages() {
	}

	/** {@code subject} names the upload in error texts ("avatar must be ..."). */
	static StoredImage reencode(String subject, byte[] upload) {
		ImageType type = ImageType.sniff(upload);
		if (type == null) {
			throw new ApiException(ErrorCode.ARGS, 415, subject + " must be a PNG, JPEG, GIF or WebP image");
		}
		BufferedImage image = decode(subject, type, upload);
		return switch (type) {
			case JPEG -> new StoredImage(writeJpeg(subject, image), StoredImage.JPG, "image/jpeg");
			case GIF -> new StoredImage(write(subject, image, "gif"), StoredImage.GIF, "image/gif");
			case PNG, WEBP -> new StoredImage(write(subject, image, "png"), StoredImage.PNG, "image/png");
		};
	}

	private static BufferedImage decode(String subject, ImageType type, byte[] upload) {
		ImageReader reader = readerFor(type);
		try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
			reader.setInput(input, true, true);
			// Only the header is read here: a 50000x50000 declaration is refused
			// before its pixels would be allocated.
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			if (width <= 0 || height <= 0) {
				throw undecodable(subject);
			}
			if (width > MAX_SIDE || height > MAX_SIDE) {
				throw ApiException.args(subject + " must be at most " + MAX_SIDE + " px a side");
			}
			BufferedImage image = reader.read(0);
			if (image == null || image.getWidth() != width || image.getHeight() != height) {
				throw undecodable(subject);
			}
			return image;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ApiException api) {
				throw api;
			}
			// Truncated or corrupt data; decoders also throw unchecked exceptions on it.
			throw undecodable(subject);
		}
		finally {
			reader.dispose();
		}
	}

	private static ImageReader readerFor(ImageType type) {
		if (type == ImageType.WEBP) {
			// Straight from the SPI: no dependence on ImageIO's class-path scan,
			// which can miss plugins inside a Spring Boot jar.
			try {
				return new WebPImageReaderSpi().createReaderInstance();
			}
			catch (IOException ex) {
				throw new IllegalStateException("No WebP reader", ex);
			}
		}
		String format = switch (type) {
			case PNG -> "png";
			case JPEG -> "jpeg";
			default -> "gif";
		};
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
		if (!readers.hasNext()) {
			throw new IllegalStateException("No ImageIO reader for " + format);
		}
		return readers.next();
	}

	private static byte[] write(String subject, BufferedImage image, String format) {
		ImageWriter writer = writerFor(format);
		return encode(subject, writer, image, null);
	}

	private static byte[] writeJpeg(String subject, BufferedImage image) {
		BufferedImage rgb = image;
		if (image.getColorModel().hasAlpha() || image.getType() == BufferedImage.TYPE_CUSTOM) {
			rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
			rgb.createGraphics().drawImage(image, 0, 0, null);
		}
		ImageWriter writer = writerFor("jpeg");
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(JPEG_QUALITY);
		return encode(subject, writer, rgb, param);
	}

	private static byte[] encode(String subject, ImageWriter writer, BufferedImage image, ImageWriteParam param) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(output);
			// No metadata is passed on: what the upload carried (EXIF, comments) is gone.
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException | RuntimeException ex) {
			throw undecodable(subject);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	private static ImageWriter writerFor(String format) {
		Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
		if (!writers.hasNext()) {
			throw new IllegalStateException("No ImageIO writer for " + format);
		}
		return writers.next();
	}

	private static ApiException undecodable(String subject) {
		return ApiException.args(subject + " is not a decodable image");
	}

}
