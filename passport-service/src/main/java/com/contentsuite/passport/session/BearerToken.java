package com.contentsuite.passport.session;

import com.contentsuite.common.web.ApiException;

/**
 * The access token as the gateway forwards it: the client's {@code token} header, or
 * {@code Authorization: Bearer}.
 */
final class BearerToken {

	private static final String PREFIX = "Bearer ";

	private BearerToken() {
	}

	static String from(String tokenHeader, String authorization) {
		if (tokenHeader != null && !tokenHeader.isBlank()) {
			return tokenHeader.trim();
		}
		if (authorization != null && authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			String token = authorization.substring(PREFIX.length()).trim();
			if (!token.isEmpty()) {
				return token;
			}
		}
		throw ApiException.tokenEmpty();
	}

}
