package com.contentsuite.gateway.guard;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.gateway.FilterOrder;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses, before routing, methods the suite never serves (405) and raw paths whose
 * meaning a service could read differently from the gateway (400), so that
 * {@code /users/../internal/x} or {@code /users/..%2factuator} can never reach a
 * service's internal or actuator endpoints.
 */
@Component
class RequestGuardWebFilter implements WebFilter, Ordered {

	private final Set<HttpMethod> allowedMethods;

	RequestGuardWebFilter(RequestGuardProperties properties) {
		this.allowedMethods = properties.allowedMethods()
			.stream()
			.map((method) -> HttpMethod.valueOf(method.trim().toUpperCase(Locale.ROOT)))
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!this.allowedMethods.contains(request.getMethod())) {
			return Mono.error(new ApiException(ErrorCode.ARGS, 405, "method not allowed"));
		}
		if (!RawPaths.isSafe(request.getURI().getRawPath())) {
			return Mono.error(ApiException.args("path is invalid"));
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return FilterOrder.REQUEST_GUARD;
	}

}
