package com.contentsuite.user.profile;

import com.contentsuite.common.web.Times;
import com.contentsuite.user.profile.ProfileRelations.RelationSummary;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Anyone's profile as others see it: no mobile, no verification state; {@code followed}
 * only for a signed-in viewer, absent for an anonymous one.
 */
record PublicProfile(String userID, String username, String nickname, String avatarUrl, String signature, int sex,
		String birthDate, long followingCount, long followerCount, String createTime,
		@JsonInclude(JsonInclude.Include.NON_NULL) Boolean followed) {

	static PublicProfile of(ProfileRow profile, RelationSummary relations, boolean signedIn) {
		return new PublicProfile(Long.toString(profile.userId()), profile.username(), profile.nickname(),
				profile.avatarUrl(), profile.signature(), profile.sex(), BirthDates.format(profile.birthDate()),
				relations.followingCount(), relations.followerCount(), Times.format(profile.createTime()),
				signedIn ? relations.followed() : null);
	}

}
