package com.contentsuite.user.brief;

/** The brief user other services embed (docs/api.md section 1). */
public record BriefUser(String userID, String username, String nickname, String avatarUrl) {

}
