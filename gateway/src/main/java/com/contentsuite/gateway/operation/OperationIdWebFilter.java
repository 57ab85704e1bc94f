package com.contentsuite.gateway.operation;

import com.contentsuite.common.operation.OperationId;
import com.contentsuite.gateway.FilterOrder;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Resolves the request's operationID and puts it on whatever response leaves the gateway:
 * proxied, refused or failed. It never refuses anything itself
 * ({@link OperationIdRequirementWebFilter} does, after CORS had its say).
 */
@Component
class OperationIdWebFilter implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		RequestOperation operation = RequestOperation
			.resolve(exchange.getRequest().getHeaders().getFirst(OperationId.HEADER));
		exchange.getAttributes().put(RequestOperation.ATTRIBUTE, operation);
		// Set at commit time: a proxied response's own copy is added later and would
		// otherwise duplicate it.
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(OperationId.HEADER, operation.id());
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return FilterOrder.OPERATION_ID;
	}

}
