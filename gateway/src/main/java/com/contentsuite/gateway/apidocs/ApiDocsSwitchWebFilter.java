package com.contentsuite.gateway.apidocs;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.gateway.FilterOrder;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * With the documents switched off ({@code SUITE_API_DOCS_ENABLED=false}, or the
 * {@code prod} profile without it), their paths are unknown routes (404 1004) at the
 * gateway too, whatever a service behind it would answer: one switch hides them all.
 */
@Component
@ConditionalOnProperty(name = "springdoc.api-docs.enabled", havingValue = "false")
class ApiDocsSwitchWebFilter implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (ApiDocsPaths.matches(exchange)) {
			return Mono.error(ApiException.notFound("route not found"));
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return FilterOrder.API_DOCS_SWITCH;
	}

}
