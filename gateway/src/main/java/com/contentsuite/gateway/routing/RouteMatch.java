package com.contentsuite.gateway.routing;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.web.server.ServerWebExchange;

/**
 * Route lookups: the route a request will take, found the way Spring Cloud Gateway's
 * handler mapping finds it (the first route, in the locator's order, whose predicate
 * matches), and the policy filter a route declares.
 */
public final class RouteMatch {

	private RouteMatch() {
	}

	/**
	 * The route filter of {@code type} that {@code route} declares (its policy filters
	 * come wrapped in an {@link OrderedGatewayFilter}); {@code null} when it declares
	 * none.
	 */
	public static <T> T filterOf(Route route, Class<T> type) {
		for (GatewayFilter filter : route.getFilters()) {
			if (filter instanceof OrderedGatewayFilter ordered && type.isInstance(ordered.getDelegate())) {
				return type.cast(ordered.getDelegate());
			}
		}
		return null;
	}

	public static Mono<Route> first(RouteLocator routes, ServerWebExchange exchange) {
		return routes.getRoutes()
			.concatMap((route) -> Mono.from(route.getPredicate().apply(exchange))
				.filter(Boolean::booleanValue)
				.map((matched) -> route))
			.next();
	}

}
