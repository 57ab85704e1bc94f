package com.contentsuite.user.avatar;

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
		catch (java.io.IOException ex) {
			throw ApiException.args("avatar could not be read");
		}
		if (upload.length > MAX_BYTES) {
			throw new ApiException(ErrorCode.ARGS, 413, "avatar must be at most 2 MiB");
		}
		StoredImage image = AvatarImages.reencode(upload);
		String key = AvatarKeys.keyFor(userId, image);
		String url = this.storage.store(key, image.bytes(), image.contentType());
		this.profiles.changeAvatarUrl(userId, url);
		return url;
	}

}
