package com.contentsuite.user.profile;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.contentsuite.common.web.ApiException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The profile's side of the avatar feature: whether a profile exists, and setting its
 * avatar URL once the image is stored.
 */
@Service
public class ProfileAvatars {

	private final ProfileRepository profiles;

	private final Clock clock;

	ProfileAvatars(ProfileRepository profiles, Clock clock) {
		this.profiles = profiles;
		this.clock = clock;
	}

	/** Answers 1004 when the user has no profile (yet), as {@code /users/me} does. */
	public void requireProfile(long userId) {
		find(userId);
	}

	@Transactional
	public void changeAvatarUrl(long userId, String avatarUrl) {
		UserProfile profile = find(userId);
		profile.changeAvatarUrl(avatarUrl);
		profile.touch(Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS));
	}

	private UserProfile find(long userId) {
		return this.profiles.findById(userId).orElseThrow(() -> ApiException.notFound("user not found"));
	}

}
