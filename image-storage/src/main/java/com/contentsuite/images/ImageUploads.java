package com.contentsuite.images;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Semaphore;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;

import org.springframework.web.multipart.MultipartFile;

/**
 * An image upload from its multipart parts to its URL: exactly one part, at most
 * {@value #MAX_BYTES} bytes, checked and re-encoded ({@link UploadedImages}), stored
 * under its content-addressed key {@code {keyPrefix}/{ownerID}/{sha256}.{ext}}. The
 * {@code subject} ("avatar", "picture") names the upload in every error text.
 */
public class ImageUploads {

	static final long MAX_BYTES = 2L * 1024 * 1024;

	// A decoded 4096x4096 image takes up to 64 MiB: uploads wait for a turn rather than
	// decode many at once (requests run on virtual threads, so any number may arrive).
	private static final Semaphore DECODING = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()),
			true);

	private final ImageStorage storage;

	private final ImageKeys keys;

	ImageUploads(ImageStorage storage, ImageKeys keys) {
		this.storage = storage;
		this.keys = keys;
	}

	/** Stores the one image of {@code parts} for {@code ownerId} and answers its URL. */
	public String upload(String subject, long ownerId, List<MultipartFile> parts) {
		return upload(subject, ownerId, parts, () -> {
		});
	}

	/**
	 * As {@link #upload(String, long, List)}, running {@code beforeRead} once the part
	 * count and declared size are checked and before the bytes are read: a check of the
	 * owner (its exceptions pass through) that should cost no decoding.
	 */
	public String upload(String subject, long ownerId, List<MultipartFile> parts, Runnable beforeRead) {
		// Every part is taken, so that two of them are refused rather than the second
		// silently ignored (which one a client meant is not ours to guess).
		if (parts == null || parts.size() != 1) {
			throw ApiException.args(subject + " must be one file");
		}
		MultipartFile part = parts.get(0);
		if (part.getSize() > MAX_BYTES) {
			throw tooLarge(subject);
		}
		beforeRead.run();
		byte[] upload;
		try {
			upload = part.getBytes();
		}
		catch (IOException ex) {
			throw ApiException.args(subject + " could not be read");
		}
		if (upload.length > MAX_BYTES) {
			throw tooLarge(subject);
		}
		StoredImage image = reencode(subject, upload);
		return store(subject, this.keys.keyFor(ownerId, image), image);
	}

	private String store(String subject, String key, StoredImage image) {
		try {
			return this.storage.store(key, image.bytes(), image.contentType());
		}
		catch (ApiException ex) {
			if (ex.code() == ErrorCode.SERVICE_UNAVAILABLE) {
				throw ApiException.unavailable(subject + " storage is unavailable");
			}
			throw ex;
		}
	}

	private static StoredImage reencode(String subject, byte[] upload) {
		try {
			DECODING.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw ApiException.unavailable(subject + " processing was interrupted");
		}
		try {
			return UploadedImages.reencode(subject, upload);
		}
		finally {
			DECODING.release();
		}
	}

	private static ApiException tooLarge(String subject) {
		return new ApiException(ErrorCode.ARGS, 413, subject + " must be at most 2 MiB");
	}

}
