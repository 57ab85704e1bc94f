package com.contentsuite.common.web;

import org.springframework.http.HttpHeaders;

/**
 * Where a client puts its access token (docs/api.md section 1): {@code token}, or
 * {@code Authorization: Bearer <token>}. Every copy of both is read: two different tokens
 * in one request are refused, so that the gateway never verifies one while a service or a
 * log reads the other. The gateway reads it here, and so does passport's logout, which
 * revokes the session of the token the gateway verified.
 */
public final class BearerToken {

	public static final String TOKEN_HEADER = "token";

	private static final String BEARER = "Bearer ";

	private BearerToken() {
	}

	/**
	 * The token, or {@code null} when the request carries none. A {@code token} header is
	 * trimmed; an {@code Authorization} header counts when it starts with {@code Bearer }
	 * in any case, and its rest is trimmed; an empty value is no token.
	 * @param headers the request's headers
	 * @return the token, or {@code null}
	 * @throws ApiException 400 1001 when two copies differ (identical copies are one)
	 */
	public static String from(HttpHeaders headers) {
		String token = null;
		for (String value : headers.getOrEmpty(TOKEN_HEADER)) {
			token = same(token, value.trim());
		}
		for (String authorization : headers.getOrEmpty(HttpHeaders.AUTHORIZATION)) {
			if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
				token = same(token, authorization.substring(BEARER.length()).trim());
			}
		}
		return token;
	}

	/**
	 * The token of a request that must carry one.
	 * @param headers the request's headers
	 * @return the token
	 * @throws ApiException 401 1001 {@code "token is empty"} when there is none, 400 1001
	 * when two copies differ
	 */
	public static String required(HttpHeaders headers) {
		String token = from(headers);
		if (token == null) {
			throw ApiException.tokenEmpty();
		}
		return token;
	}

	private static String same(String found, String value) {
		if (value.isEmpty()) {
			return found;
		}
		if (found != null && !found.equals(value)) {
			throw ApiException.args("token header is repeated");
		}
		return value;
	}

}
