package com.contentsuite.gateway.auth;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.BearerToken;
import com.contentsuite.gateway.FilterOrder;
import com.contentsuite.gateway.RequestEventLoop;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;

/**
 * Applies the route's auth mode: verifies the token, checks its session was not revoked,
 * and records the user for {@code X-User-ID}. Runs before the route's circuit breaker, so
 * bad tokens never count as backend failures.
 */
final class AuthGlobalFilter implements GlobalFilter, Ordered {

	private final AuthRules rules;

	private final AccessTokenVerifier verifier;

	private final RevocationChecker revocation;

	AuthGlobalFilter(AuthRules rules, AccessTokenVerifier verifier, RevocationChecker revocation) {
		this.rules = rules;
		this.verifier = verifier;
		this.revocation = revocation;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		AuthMode mode = this.rules.modeFor(exchange.getRequest());
		if (mode == AuthMode.NONE) {
			return chain.filter(exchange);
		}
		String token;
		try {
			token = BearerToken.from(exchange.getRequest().getHeaders());
		}
		catch (ApiException ex) {
			return Mono.error(ex);
		}
		if (token == null) {
			return (mode == AuthMode.REQUIRED) ? Mono.error(ApiException.tokenEmpty()) : chain.filter(exchange);
		}
		return RequestEventLoop
			.resume(this.verifier.verify(token)
				.flatMap((user) -> this.revocation.check(user.sessionId()).thenReturn(user)), exchange)
			.flatMap((user) -> {
				exchange.getAttributes().put(VerifiedUser.ATTRIBUTE, user);
				return chain.filter(exchange);
			});
	}

	@Override
	public int getOrder() {
		return FilterOrder.AUTH;
	}

}
