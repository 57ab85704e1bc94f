package com.contentsuite.passport.token;

/** The answer of login and refresh (docs/api.md section 2). */
public record TokenPair(String userID, String accessToken, String refreshToken, String tokenType, long expiresIn,
		long refreshExpiresIn) {
}
