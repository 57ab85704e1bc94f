package com.contentsuite.gateway.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionRouteLocator;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a gateway whose route table is incomplete, instead of serving with it.
 * Every route declares its whole policy: exactly one {@code Auth} (no implicit mode, so a
 * forgotten one can never open a route), one {@code BodyLimit} and one
 * {@code CircuitBreaker}. Then every route is built once, so a bad argument (a rate limit
 * of 0, a mode that does not exist) fails here; Spring Cloud Gateway would otherwise only
 * log it and serve without routes.
 */
@Component
class RoutePolicyCheck implements SmartInitializingSingleton {

	static final List<String> REQUIRED = List.of("Auth", "BodyLimit", "CircuitBreaker");

	private final GatewayProperties gateway;

	private final RouteDefinitionRouteLocator routes;

	RoutePolicyCheck(GatewayProperties gateway, RouteDefinitionRouteLocator routes) {
		this.gateway = gateway;
		this.routes = routes;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> problems = new ArrayList<>();
		for (RouteDefinition route : this.gateway.getRoutes()) {
			for (String name : REQUIRED) {
				long count = count(route.getFilters(), name) + count(this.gateway.getDefaultFilters(), name);
				if (count != 1) {
					problems.add("route " + route.getId() + " declares " + name + " " + count + " times, not once");
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"every route declares its whole policy (" + String.join(", ", REQUIRED) + "): " + problems);
		}
		this.routes.getRoutes().collectList().block(Duration.ofSeconds(30));
	}

	private static long count(List<FilterDefinition> filters, String name) {
		return filters.stream().filter((filter) -> filter.getName().equals(name)).count();
	}

}
