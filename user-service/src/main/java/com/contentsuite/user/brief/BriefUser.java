package com.contentsuite.user.brief;

/** The brief user other services embed (API.md section 1). */
public record BriefUser(String userID, String username, String nickname, String avatarUrl) {

}
