package com.contentsuite.user.profile;

/**
 * What follow relations say about a profile: its counts and whether the viewer follows
 * it. The relation feature ({@code com.contentsuite.user.relation}) provides it from its
 * rows and their Redis copies.
 */
public interface ProfileRelations {

	/**
	 * @param userId whose profile is shown
	 * @param viewerId the signed-in viewer, or {@code null} for the owner or an anonymous
	 * viewer
	 */
	RelationSummary summarize(long userId, Long viewerId);

	record RelationSummary(long followingCount, long followerCount, boolean followed) {

		public static final RelationSummary NONE = new RelationSummary(0, 0, false);

	}

}
