package com.contentsuite.gateway.auth;

import org.springframework.web.server.ServerWebExchange;

/**
 * The user of a verified, unrevoked access token.
 *
 * @param userId the token's {@code sub}
 * @param sessionId the token's {@code sid}, the login session it belongs to
 */
public record VerifiedUser(String userId, String sessionId) {

	static final String ATTRIBUTE = VerifiedUser.class.getName();

	/** The request's verified user, or {@code null} for an anonymous request. */
	public static VerifiedUser of(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}

}
