package com.contentsuite.gateway;

import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.core.Ordered;

/**
 * Every order that matters, in one place, so the chain reads top to bottom.
 * <p>
 * Web filters see every request (routed or not, actuator included) before a handler is
 * chosen; global filters see routed requests only.
 */
public final class FilterOrder {

	/** First: every later answer, errors included, must carry the operationID. */
	public static final int OPERATION_ID = Ordered.HIGHEST_PRECEDENCE;

	/** Second, for the same reason. */
	public static final int NOSNIFF = OPERATION_ID + 1;

	/**
	 * Before the operationID requirement, since browsers send no custom header in a
	 * preflight.
	 */
	public static final int CORS = OPERATION_ID + 10;

	/** Switched-off API documents are unknown routes, with or without an operationID. */
	public static final int API_DOCS_SWITCH = CORS + 5;

	public static final int OPERATION_ID_REQUIRED = CORS + 10;

	/** Odd methods and unsafe raw paths never reach routing. */
	public static final int REQUEST_GUARD = OPERATION_ID_REQUIRED + 10;

	/** Client identity headers go before anything could read them. */
	public static final int HEADER_HYGIENE = REQUEST_GUARD + 10;

	/*
	 * The route policy filters below (BodyLimit, RateLimit, Auth: each route declares
	 * them) run before the route's CircuitBreaker filter (order 1 and up, its position in
	 * the route), so a client's mistake never counts as a backend failure.
	 */

	/** Cheapest refusals first: no Redis, no crypto. */
	public static final int BODY_LIMIT = -300;

	public static final int RATE_LIMIT = -200;

	public static final int AUTH = -100;

	/**
	 * After the load balancer picked an instance, so the signature covers the path
	 * exactly as it is forwarded.
	 */
	public static final int FORWARD_IDENTITY = ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 1;

	private FilterOrder() {
	}

}
