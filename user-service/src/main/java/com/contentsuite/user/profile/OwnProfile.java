package com.contentsuite.user.profile;

import com.contentsuite.common.web.Times;
import com.contentsuite.user.profile.ProfileRelations.RelationSummary;

/** The signed-in user's own profile (API.md section 3). */
record OwnProfile(String userID, String username, String nickname, String mobile, String avatarUrl, String signature,
		int sex, String birthDate, long followingCount, long followerCount, boolean verified, String createTime) {

	static OwnProfile of(UserProfile profile, RelationSummary relations) {
		return new OwnProfile(profile.getUserId().toString(), profile.getUsername(), profile.getNickname(),
				profile.getMobile(), profile.getAvatarUrl(), profile.getSignature(), profile.getSex(),
				BirthDates.format(profile.getBirthDate()), relations.followingCount(), relations.followerCount(),
				profile.isVerified(), Times.format(profile.getCreateTime()));
	}

}
