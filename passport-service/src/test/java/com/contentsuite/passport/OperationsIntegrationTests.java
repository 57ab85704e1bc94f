package com.contentsuite.passport;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and probes reach without the gateway's signature. */
class OperationsIntegrationTests extends PassportIntegrationTest {

	private HttpResponse<String> unsigned(String path) {
		return client.exchange(HttpRequest.newBuilder(client.uri(path)).GET(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void livenessAndReadinessAnswerUpWithTheDatabaseAndRedisReachable() {
		for (String probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
			HttpResponse<String> response = unsigned(probe);
			assertThat(response.statusCode()).as(probe).isEqualTo(200);
			assertThat(response.body()).as(probe).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void prometheusCanScrapeTheInstance() {
		HttpResponse<String> response = unsigned("/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void otherActuatorEndpointsAreNotOpen() {
		assertThat(unsigned("/actuator/env").statusCode()).isEqualTo(403);
		assertThat(unsigned("/actuator").statusCode()).isEqualTo(403);
	}

}
