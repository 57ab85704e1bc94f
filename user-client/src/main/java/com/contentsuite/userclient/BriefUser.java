package com.contentsuite.userclient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The brief user of docs/api.md section 1, as user-service answers it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BriefUser(String userID, String username, String nickname, String avatarUrl) {

	/** What an answer embeds when user-service cannot say who {@code userId} is. */
	public static BriefUser unknown(long userId) {
		return new BriefUser(Long.toString(userId), "", "", "");
	}

}
