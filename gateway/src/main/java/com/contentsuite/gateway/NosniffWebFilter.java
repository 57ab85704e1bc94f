package com.contentsuite.gateway;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * {@code X-Content-Type-Options: nosniff} on every answer Spring gives: proxied, refused
 * or failed (docs/api.md section 6). The refusals made in Netty before Spring runs
 * ({@code guard}) set it themselves from {@link #HEADER}.
 */
@Component
public class NosniffWebFilter implements WebFilter, Ordered {

	public static final String HEADER = "X-Content-Type-Options";

	public static final String VALUE = "nosniff";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		// Set at commit time: a proxied response's own copy is added later and would
		// otherwise stand next to ours.
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(HEADER, VALUE);
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return FilterOrder.NOSNIFF;
	}

}
