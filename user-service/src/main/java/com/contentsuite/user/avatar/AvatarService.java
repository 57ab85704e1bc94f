package com.contentsuite.user.avatar;

import java.util.List;

import com.contentsuite.images.ImageUploads;
import com.contentsuite.user.profile.ProfileAvatars;

import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /users/avatar}: image-storage checks, re-encodes and stores the upload
 * under its content-addressed key, then the profile is pointed at it. No database
 * transaction is held while the storage is written; a storage failure leaves the profile
 * as it was.
 */
@Service
class AvatarService {

	private final ImageUploads uploads;

	private final ProfileAvatars profiles;

	AvatarService(ImageUploads uploads, ProfileAvatars profiles) {
		this.uploads = uploads;
		this.profiles = profiles;
	}

	String upload(long userId, List<MultipartFile> avatars) {
		// A user without a profile is 1004 before any byte is read or decoded.
		String url = this.uploads.upload("avatar", userId, avatars, () -> this.profiles.requireProfile(userId));
		this.profiles.changeAvatarUrl(userId, url);
		return url;
	}

}
