package com.contentsuite.user.profile;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One profile as the answers show it: read straight from the row on the read paths
 * ({@link ProfileReads}), or taken from the entity after an edit
 * ({@link UserProfile#row()}), so both answer through the same {@code of} methods.
 */
record ProfileRow(long userId, String username, String mobile, String nickname, String avatarUrl, String signature,
		int sex, LocalDate birthDate, boolean verified, Instant createTime) {
}
