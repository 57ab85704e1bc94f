package com.contentsuite.user.avatar;

import java.io.IOException;
import java.util.concurrent.Semaphore;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.user.profile.ProfileAvatars;

import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /users/avatar}: checks and re-encodes the upload, stores it under its
 * content-addressed key, then points the profile at it. No database transaction is held
 * while the storage is written; a storage failure leaves the profile as it was.
 */
@Service
class AvatarService {

	static final long MAX_BYTES = 2L * 1024 * 1024;

	// A decoded 4096x4096 image takes up to 64 MiB: uploads wait for a turn rather than
	// decode many at once (requests run on virtual threads, so any number may arrive).
	private static final Semaphore DECODING = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()),
			true);

	private final AvatarStorage storage;

	private final ProfileAvatars profiles;

	AvatarService(AvatarStorage storage, ProfileAvatars profiles) {
		this.storage = storage;
		this.profiles = profiles;
	}

	String upload(long userId, MultipartFile avatar) {
		if (avatar.getSize() > MAX_BYTES) {
			throw new ApiException(ErrorCode.ARGS, 413, "avatar must be at most 2 MiB");
		}
		this.profiles.requireProfile(userId);
		byte[] upload;
		try {
			upload = avatar.getBytes();
		}
		catch (IOException ex) {
			throw ApiException.args("avatar could not be read");
		}
		if (upload.length > MAX_BYTES) {
			throw new ApiException(ErrorCode.ARGS, 413, "avatar must be at most 2 MiB");
		}
		StoredImage image = reencode(upload);
		String key = AvatarKeys.keyFor(userId, image);
		String url = this.storage.store(key, image.bytes(), image.contentType());
		this.profiles.changeAvatarUrl(userId, url);
		return url;
	}

	private static StoredImage reencode(byte[] upload) {
		try {
			DECODING.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw ApiException.unavailable("avatar processing was interrupted");
		}
		try {
			return AvatarImages.reencode(upload);
		}
		finally {
			DECODING.release();
		}
	}

}
