package com.contentsuite.gateway.auth;

import com.contentsuite.common.web.ApiException;

import org.springframework.http.HttpHeaders;

/**
 * Where a client puts its access token: {@code token}, or {@code Authorization: Bearer}.
 * Every copy of both is read: two different tokens in one request are refused, so that
 * the gateway never verifies one while a service or a log reads the other.
 */
final class BearerToken {

	static final String TOKEN_HEADER = "token";

	private static final String BEARER = "Bearer ";

	private BearerToken() {
	}

	/**
	 * The token, or {@code null} when the request carries none.
	 * @throws ApiException 400 1001 when two copies differ (identical copies are one)
	 */
	static String from(HttpHeaders headers) {
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
