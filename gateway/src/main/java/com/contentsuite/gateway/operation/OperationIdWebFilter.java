package com.contentsuite.gateway.operation;

import com.contentsuite.common.operation.OperationId;
import com.contentsuite.common.operation.OperationIdObservationFilter;
import com.contentsuite.gateway.FilterOrder;
import io.micrometer.common.KeyValue;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Resolves the request's operationID and puts it on whatever response leaves the gateway:
 * proxied, refused or failed, and on the request's server span as the tag
 * {@code operationID}. It never refuses anything itself
 * ({@link OperationIdRequirementWebFilter} does, after CORS had its say).
 */
@Component
class OperationIdWebFilter implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		RequestOperation operation = RequestOperation
			.resolve(exchange.getRequest().getHeaders().getFirst(OperationId.HEADER));
		exchange.getAttributes().put(RequestOperation.ATTRIBUTE, operation);
		// The server span's tag operationID, and through common's
		// OperationIdObservationFilter that of every observation under it: one key
		// value on the observation that already runs, none of its own.
		ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.ifPresent((context) -> context
				.addHighCardinalityKeyValue(KeyValue.of(OperationIdObservationFilter.KEY, operation.id())));
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
