package com.contentsuite.gateway.auth;

import java.util.List;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.BearerToken;
import com.contentsuite.gateway.FilterOrder;
import com.contentsuite.gateway.RequestEventLoop;
import com.contentsuite.gateway.routing.RouteMatch;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code Auth=required|optional|none} on a route: its auth mode (docs/api.md section 1).
 * The filter verifies the token, checks its session was not revoked and records the user
 * for {@code X-User-ID}. It runs before the route's circuit breaker, so bad tokens never
 * count as backend failures. A route without it does not start
 * ({@code RoutePolicyCheck}).
 */
public final class AuthGatewayFilterFactory extends AbstractGatewayFilterFactory<AuthGatewayFilterFactory.Config> {

	private final AccessTokenVerifier verifier;

	private final RevocationChecker revocation;

	AuthGatewayFilterFactory(AccessTokenVerifier verifier, RevocationChecker revocation) {
		super(Config.class);
		this.verifier = verifier;
		this.revocation = revocation;
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("mode");
	}

	@Override
	public GatewayFilter apply(Config config) {
		AuthMode mode = config.getMode();
		if (mode == null) {
			throw new IllegalArgumentException("Auth needs a mode: required, optional or none");
		}
		return new OrderedGatewayFilter(new AuthFilter(mode), FilterOrder.AUTH);
	}

	/** The auth mode {@code route} declares; {@code null} for none. */
	public static AuthMode modeOf(Route route) {
		AuthFilter auth = RouteMatch.filterOf(route, AuthFilter.class);
		return (auth != null) ? auth.mode() : null;
	}

	/** The filter of one route; its mode is fixed when the route is built. */
	final class AuthFilter implements GatewayFilter {

		private final AuthMode mode;

		AuthFilter(AuthMode mode) {
			this.mode = mode;
		}

		AuthMode mode() {
			return this.mode;
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
			if (this.mode == AuthMode.NONE) {
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
				return (this.mode == AuthMode.REQUIRED) ? Mono.error(ApiException.tokenEmpty())
						: chain.filter(exchange);
			}
			return RequestEventLoop
				.resume(verifier.verify(token).flatMap((user) -> revocation.check(user.sessionId()).thenReturn(user)),
						exchange)
				.flatMap((user) -> {
					exchange.getAttributes().put(VerifiedUser.ATTRIBUTE, user);
					return chain.filter(exchange);
				});
		}

		@Override
		public String toString() {
			return "Auth=" + this.mode;
		}

	}

	/** Bound from the route's {@code Auth=...}. */
	public static final class Config {

		@NotNull
		private AuthMode mode;

		public AuthMode getMode() {
			return this.mode;
		}

		public void setMode(AuthMode mode) {
			this.mode = mode;
		}

	}

}
