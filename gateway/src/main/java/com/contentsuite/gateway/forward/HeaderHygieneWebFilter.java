package com.contentsuite.gateway.forward;

import com.contentsuite.gateway.FilterOrder;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Removes the identity headers a client sent, on every route, public ones included,
 * before any later filter or a service could read them. A web filter rather than a global
 * filter so that nothing routed or not ever sees them.
 */
@Component
class HeaderHygieneWebFilter implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		// Mutating copies the headers: only pay for it when there is something to remove.
		if (!IdentityHeaders.containsReserved(exchange.getRequest().getHeaders())) {
			return chain.filter(exchange);
		}
		ServerHttpRequest stripped = exchange.getRequest().mutate().headers(IdentityHeaders::strip).build();
		return chain.filter(exchange.mutate().request(stripped).build());
	}

	@Override
	public int getOrder() {
		return FilterOrder.HEADER_HYGIENE;
	}

}
