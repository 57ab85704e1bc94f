package com.contentsuite.gateway.operation;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.gateway.FilterOrder;
import com.contentsuite.gateway.apidocs.ApiDocsPaths;
import com.contentsuite.gateway.routing.RouteMatch;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a request without a valid {@code operationID}, on every path, routed or not,
 * except where it may be omitted: a route that declares {@code OperationId=optional}, and
 * the gateway's own health probes (kubelets and load balancers send no custom header),
 * and the API documents with their Swagger UI page (browsers fetch their assets). A
 * present but invalid value is refused everywhere: it is a client bug, not an omission.
 * <p>
 * The route table is consulted only for a request without the header, which is rare; the
 * first route that matches decides, as it will when the request is routed.
 */
@Component
class OperationIdRequirementWebFilter implements WebFilter, Ordered {

	private static final String HEALTH = "/actuator/health";

	private final RouteLocator routes;

	OperationIdRequirementWebFilter(RouteLocator routes) {
		this.routes = routes;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		RequestOperation operation = exchange.getAttribute(RequestOperation.ATTRIBUTE);
		RequestOperation.State state = (operation != null) ? operation.state() : RequestOperation.State.MISSING;
		if (state == RequestOperation.State.INVALID) {
			return Mono.error(ApiException.args("operationID is invalid"));
		}
		if (state == RequestOperation.State.PRESENT || isHealthProbe(exchange) || ApiDocsPaths.matches(exchange)) {
			return chain.filter(exchange);
		}
		return RouteMatch.first(this.routes, exchange)
			.map(OperationIdGatewayFilterFactory::mayOmit)
			.defaultIfEmpty(false)
			.flatMap((mayOmit) -> mayOmit ? chain.filter(exchange)
					: Mono.error(ApiException.args("header must have operationID")));
	}

	private static boolean isHealthProbe(ServerWebExchange exchange) {
		if (exchange.getRequest().getMethod() != HttpMethod.GET) {
			return false;
		}
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		return path.equals(HEALTH) || path.startsWith(HEALTH + "/");
	}

	@Override
	public int getOrder() {
		return FilterOrder.OPERATION_ID_REQUIRED;
	}

}
