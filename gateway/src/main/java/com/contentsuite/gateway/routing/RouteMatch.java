package com.contentsuite.gateway.routing;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.web.server.ServerWebExchange;

/**
 * The route a request will take, found the way Spring Cloud Gateway's handler mapping
 * finds it: the first route, in the locator's order, whose predicate matches.
 */
public final class RouteMatch {

	private RouteMatch() {
	}

	public static Mono<Route> first(RouteLocator routes, ServerWebExchange exchange) {
		return routes.getRoutes()
			.concatMap((route) -> Mono.from(route.getPredicate().apply(exchange))
				.filter(Boolean::booleanValue)
				.map((matched) -> route))
			.next();
	}

}
