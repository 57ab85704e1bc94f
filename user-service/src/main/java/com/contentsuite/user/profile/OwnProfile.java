package com.contentsuite.user.profile;

import com.contentsuite.common.web.Times;
import com.contentsuite.user.profile.ProfileRelations.RelationSummary;

/** The signed-in user's own profile (docs/api.md section 3). */
record OwnProfile(String userID, String username, String nickname, String mobile, String avatarUrl, String signature,
		int sex, String birthDate, long followingCount, long followerCount, boolean verified, String createTime) {

	static OwnProfile of(ProfileRow profile, RelationSummary relations) {
		return new OwnProfile(Long.toString(profile.userId()), profile.username(), profile.nickname(), profile.mobile(),
				profile.avatarUrl(), profile.signature(), profile.sex(), BirthDates.format(profile.birthDate()),
				relations.followingCount(), relations.followerCount(), profile.verified(),
				Times.format(profile.createTime()));
	}

}
