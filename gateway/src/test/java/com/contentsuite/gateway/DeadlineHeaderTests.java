package com.contentsuite.gateway;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** Every proxied request tells the service how long it has left to answer. */
class DeadlineHeaderTests extends GatewayTestBase {

	@Value("${spring.cloud.gateway.server.webflux.httpclient.response-timeout}")
	Duration responseTimeout;

	@Value("${gateway.deadline.margin:1s}")
	Duration margin;

	private JsonNode backendHeaders(String head) {
		RawHttp.Response response = RawHttp.send(port, head);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return json(response.body()).path("data").path("headers");
	}

	@Test
	void theBackendSeesTheResponseTimeoutLessTheMargin() {
		JsonNode deadline = backendHeaders("GET /users/42 HTTP/1.1\r\nHost: gw\r\noperationID: " + OPERATION_ID)
			.path("x-internal-deadline");

		assertThat(deadline).hasSize(1);
		long millis = Long.parseLong(deadline.get(0).asString());
		assertThat(millis).isPositive().isLessThan(this.responseTimeout.toMillis());
		assertThat(millis).isEqualTo(this.responseTimeout.minus(this.margin).toMillis());
	}

	@Test
	void aClientsOwnDeadlineNeverReachesTheBackend() {
		JsonNode deadline = backendHeaders("POST /passport/login HTTP/1.1\r\nHost: gw\r\noperationID: " + OPERATION_ID
				+ "\r\nX-Internal-Deadline: 3600000\r\nx-internal-deadline: 1\r\nContent-Type: application/json"
				+ "\r\nContent-Length: 0")
			.path("x-internal-deadline");

		assertThat(deadline).hasSize(1);
		assertThat(deadline.get(0).asString())
			.isEqualTo(Long.toString(this.responseTimeout.minus(this.margin).toMillis()));
	}

}
