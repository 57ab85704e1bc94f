package com.contentsuite.gateway.forward;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Carries the request's trace on to the service: the trace headers ({@code traceparent}
 * and its sampled flag) of the gateway's server span. This is all Spring Cloud Gateway's
 * own client observation did for tracing, at a fraction of its cost (a second
 * observation, span and timer per request and three header copies; see
 * docs/benchmark.md), so that observation is off ({@code observability.enabled: false}).
 * A service's spans are children of the gateway's server span, and a request the gateway
 * did not sample is not sampled downstream either.
 */
@Component
class TraceHeaders {

	private final Propagator propagator;

	TraceHeaders(ObjectProvider<Propagator> propagator) {
		this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
	}

	void inject(ServerWebExchange exchange, HttpHeaders headers) {
		Span span = ServerRequestObservationContext.findCurrent(exchange.getAttributes()).map((context) -> {
			TracingObservationHandler.TracingContext tracing = context
				.get(TracingObservationHandler.TracingContext.class);
			return (tracing != null) ? tracing.getSpan() : null;
		}).orElse(null);
		if (span != null) {
			this.propagator.inject(span.context(), headers, HttpHeaders::set);
		}
	}

}
