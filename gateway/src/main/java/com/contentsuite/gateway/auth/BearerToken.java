package com.contentsuite.gateway.auth;

import org.springframework.http.HttpHeaders;

/**
 * Where a client puts its access token: {@code token}, or {@code Authorization: Bearer}.
 */
final class BearerToken {

	static final String TOKEN_HEADER = "token";

	private static final String BEARER = "Bearer ";

	private BearerToken() {
	}

	/** The token, or {@code null} when the request carries none. */
	static String from(HttpHeaders headers) {
		String token = headers.getFirst(TOKEN_HEADER);
		if (token != null && !token.isBlank()) {
			return token.trim();
		}
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			String bearer = authorization.substring(BEARER.length()).trim();
			return bearer.isEmpty() ? null : bearer;
		}
		return null;
	}

}
