package com.contentsuite.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.EntityExchangeResult;

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
	void theLinkIndexIsAnUnknownRouteInTheEnvelope() {
		for (String path : new String[] { "/actuator", "/actuator/" }) {
			EntityExchangeResult<byte[]> result = client().get()
				.uri(path)
				.header("operationID", OPERATION_ID)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.valueEquals("operationID", OPERATION_ID)
				.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				.expectBody()
				.returnResult();

			String body = new String(result.getResponseBody());
			assertThat(json(body).path("errCode").asInt()).as(path).isEqualTo(1004);
			assertThat(json(body).path("errMsg").asString()).isEqualTo("RecordNotFoundError");
			assertThat(body).doesNotContain("_links").doesNotContain("href");
		}
	}

	@Test
	void aServicesActuatorIsNotRoutedUnderAnyPrefix() {
		String operationId = uniqueOperationId();
		client().get().uri("/actuator/env").header("operationID", operationId).exchange().expectStatus().isNotFound();

		assertThat(reachedABackend(operationId)).isFalse();
	}

}
