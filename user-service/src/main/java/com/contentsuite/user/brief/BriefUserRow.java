package com.contentsuite.user.brief;

/** The four columns a brief user needs, so the batch query reads no more. */
interface BriefUserRow {

	Long getUserId();

	String getUsername();

	String getNickname();

	String getAvatarUrl();

}
