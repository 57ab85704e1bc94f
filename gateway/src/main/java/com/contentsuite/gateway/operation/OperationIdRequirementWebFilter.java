package com.contentsuite.gateway.operation;

import java.util.List;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.gateway.FilterOrder;
import com.contentsuite.gateway.RequestMatcher;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a request without a valid {@code operationID}, except the few that may omit it
 * (an {@code <img>} tag cannot send headers). A present but invalid value is refused
 * everywhere: it is a client bug, not an omission.
 */
@Component
class OperationIdRequirementWebFilter implements WebFilter, Ordered {

	private final List<RequestMatcher> optional;

	OperationIdRequirementWebFilter(OperationIdProperties properties) {
		this.optional = properties.optional()
			.stream()
			.map((route) -> RequestMatcher.of(route.path(), route.methods()))
			.toList();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		RequestOperation operation = exchange.getAttribute(RequestOperation.ATTRIBUTE);
		RequestOperation.State state = (operation != null) ? operation.state() : RequestOperation.State.MISSING;
		if (state == RequestOperation.State.INVALID) {
			return Mono.error(ApiException.args("operationID is invalid"));
		}
		if (state == RequestOperation.State.MISSING && !mayOmit(exchange)) {
			return Mono.error(ApiException.args("header must have operationID"));
		}
		return chain.filter(exchange);
	}

	private boolean mayOmit(ServerWebExchange exchange) {
		for (RequestMatcher matcher : this.optional) {
			if (matcher.matches(exchange.getRequest())) {
				return true;
			}
		}
		return false;
	}

	@Override
	public int getOrder() {
		return FilterOrder.OPERATION_ID_REQUIRED;
	}

}
