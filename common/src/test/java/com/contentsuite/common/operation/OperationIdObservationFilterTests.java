package com.contentsuite.common.operation;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class OperationIdObservationFilterTests {

	private final ObservationRegistry registry = registry();

	private static ObservationRegistry registry() {
		ObservationRegistry registry = ObservationRegistry.create();
		// Without a handler every observation would be a no-op.
		registry.observationConfig()
			.observationHandler((context) -> true)
			.observationFilter(new ServletOperationIdObservationFilter());
		return registry;
	}

	private static ServerRequestObservationContext serverRequest(String operationId) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/articles/new");
		if (operationId != null) {
			request.setAttribute(OperationId.MDC_KEY, operationId);
		}
		return new ServerRequestObservationContext(request, new MockHttpServletResponse());
	}

	private static String tag(Observation observation) {
		KeyValue value = observation.getContext().getHighCardinalityKeyValue(OperationIdObservationFilter.KEY);
		return (value != null) ? value.getValue() : null;
	}

	@Test
	void aServerRequestCarriesTheOperationIdItsFilterResolved() {
		Observation server = Observation.start("http.server.requests", () -> serverRequest("op-1"), this.registry);
		server.stop();

		assertThat(tag(server)).isEqualTo("op-1");
	}

	@Test
	void anObservationUnderARequestCarriesTheRequestsOperationIdBeforeTheRequestEnds() {
		Observation server = Observation.start("http.server.requests", () -> serverRequest("op-2"), this.registry);
		Observation client = Observation.createNotStarted("http.client.requests", this.registry)
			.parentObservation(server)
			.start();
		Observation redis = Observation.createNotStarted("redis", this.registry).parentObservation(client).start();
		redis.stop();
		client.stop();
		server.stop();

		assertThat(tag(redis)).isEqualTo("op-2");
		assertThat(tag(client)).isEqualTo("op-2");
	}

	@Test
	void aKeyValueSetOnTheServerObservationWins() {
		Observation server = Observation.start("http.server.requests", () -> serverRequest(null), this.registry);
		server.highCardinalityKeyValue(OperationIdObservationFilter.KEY, "op-gateway");
		Observation child = Observation.createNotStarted("redis", this.registry).parentObservation(server).start();
		child.stop();
		server.stop();

		assertThat(tag(child)).isEqualTo("op-gateway");
		assertThat(tag(server)).isEqualTo("op-gateway");
	}

	@Test
	void anObservationOutsideARequestCarriesNone() {
		Observation job = Observation.start("job", this.registry);
		job.stop();

		assertThat(tag(job)).isNull();
	}

}
