package com.contentsuite.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators rely on after the gateway dropped Spring Cloud Gateway's own client
 * observation: the trace goes on to the service, with its sampled flag, and every route
 * keeps its request metrics.
 */
class ObservabilityTests extends GatewayTestBase {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private StubServer.Received forwarded(String traceparent) {
		String operationId = uniqueOperationId();
		var request = client().get().uri("/users/5").header("operationID", operationId);
		if (traceparent != null) {
			request = request.header("traceparent", traceparent);
		}
		request.exchange().expectStatus().isOk();
		return TestBackends.USERS.receivedWithOperation(operationId).get(0);
	}

	@Test
	void aSampledTraceGoesOnToTheServiceAsAChildOfTheGatewaysSpan() {
		String traceparent = forwarded("00-" + TRACE_ID + "-00f067aa0ba902b7-01").header("traceparent");

		assertThat(traceparent).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
		assertThat(traceparent).doesNotContain("00f067aa0ba902b7");
	}

	@Test
	void aTraceTheClientDidNotSampleIsNotSampledDownstream() {
		assertThat(forwarded("00-" + TRACE_ID + "-00f067aa0ba902b7-00").header("traceparent"))
			.matches("00-" + TRACE_ID + "-[0-9a-f]{16}-00");
	}

	@Test
	void aRequestWithoutTraceStartsOneThatTheServiceContinues() {
		assertThat(forwarded(null).header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
	}

	@Test
	void theOperationIdIsForwardedAsSentWhateverTheTracingBaggage() {
		String operationId = uniqueOperationId();
		client().get()
			.uri("/users/5")
			.header("operationID", operationId)
			.header("baggage", "operationID=forged")
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(TestBackends.USERS.receivedWithOperation(operationId)).hasSize(1);
	}

	@Test
	void everyRouteHasItsRequestMetrics() {
		client().get().uri("/users/5").header("operationID", uniqueOperationId()).exchange().expectStatus().isOk();

		String metrics = new String(client().get()
			.uri("/actuator/prometheus")
			.header("operationID", OPERATION_ID)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());

		assertThat(metrics)
			.containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"users-profile\"");
		assertThat(metrics).contains("http_server_requests_seconds_count");
	}

}
