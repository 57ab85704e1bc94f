package com.contentsuite.gateway.operation;

import java.util.List;

import com.contentsuite.gateway.routing.RouteMatch;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code OperationId=optional} on a route: its requests may omit {@code operationID} and
 * the gateway mints one (docs/api.md section 1: an {@code <img>} tag cannot send
 * headers). Without it a route requires one.
 * <p>
 * The filter itself does nothing: the requirement is checked before routing, by
 * {@link OperationIdRequirementWebFilter}, so that a request no route takes is refused as
 * well. That filter asks the route table, and this filter is how a route answers.
 */
@Component
public final class OperationIdGatewayFilterFactory
		extends AbstractGatewayFilterFactory<OperationIdGatewayFilterFactory.Config> {

	OperationIdGatewayFilterFactory() {
		super(Config.class);
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("mode");
	}

	@Override
	public GatewayFilter apply(Config config) {
		if (config.getMode() == null) {
			throw new IllegalArgumentException("OperationId needs a mode: optional or required");
		}
		return new OrderedGatewayFilter(new Policy(config.getMode()), Ordered.HIGHEST_PRECEDENCE);
	}

	/** Whether {@code route} lets a request omit the operationID. */
	public static boolean mayOmit(Route route) {
		Policy policy = RouteMatch.filterOf(route, Policy.class);
		return policy != null && policy.mode() == Mode.OPTIONAL;
	}

	/** A route's operationID policy. */
	record Policy(Mode mode) implements GatewayFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
			return chain.filter(exchange);
		}

		@Override
		public String toString() {
			return "OperationId=" + this.mode;
		}

	}

	/** What a route asks of the {@code operationID} header. */
	public enum Mode {

		/** Missing: 400 (the default of every route). */
		REQUIRED,

		/** Missing: the gateway mints one. */
		OPTIONAL

	}

	/** Bound from the route's {@code OperationId=...}. */
	public static final class Config {

		@NotNull
		private Mode mode;

		public Mode getMode() {
			return this.mode;
		}

		public void setMode(Mode mode) {
			this.mode = mode;
		}

	}

}
