package com.contentsuite.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's own health and metrics; a service's actuator is never reachable. */
class ActuatorTests extends GatewayTestBase {

	@Test
	void healthAndItsProbeGroupsAreUp() {
		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			byte[] body = client().get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.returnResult()
				.getResponseBody();
			assertThat(json(body).path("status").asString()).as(path).isEqualTo("UP");
		}
	}

	@Test
	void prometheusShowsTheGatewaysOwnMetrics() {
		byte[] body = client().get()
			.uri("/actuator/prometheus")
			.header("operationID", OPERATION_ID)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();

		assertThat(new String(body)).contains("jvm_memory_used_bytes");
	}

	@Test
	void aServicesActuatorIsNotRoutedUnderAnyPrefix() {
		String operationId = uniqueOperationId();
		client().get().uri("/actuator/env").header("operationID", operationId).exchange().expectStatus().isNotFound();

		assertThat(reachedABackend(operationId)).isFalse();
	}

}
