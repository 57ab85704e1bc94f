package com.contentsuite.gateway;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/** CORS for the configured origin only, and nosniff on every kind of answer. */
class CorsAndHeadersTests extends GatewayTestBase {

	private static final String ALLOWED = "https://app.example.com";

	@Nested
	class Cors {

		@Test
		void aPreflightFromTheAllowedOriginIsAnsweredWithoutOperationId() {
			client().options()
				.uri("/users/me")
				.header("Origin", ALLOWED)
				.header("Access-Control-Request-Method", "PUT")
				.header("Access-Control-Request-Headers", "operationID, token, content-type")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("Access-Control-Allow-Origin", ALLOWED)
				.expectHeader()
				.valueEquals("Access-Control-Allow-Credentials", "true")
				.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				.expectHeader()
				.value("Access-Control-Allow-Methods", (methods) -> assertThat(methods).contains("PUT"));
		}

		@Test
		void anAllowedCrossOriginCallMayReadTheOperationId() {
			client().get()
				.uri("/users/5")
				.header("operationID", OPERATION_ID)
				.header("Origin", ALLOWED)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("Access-Control-Allow-Origin", ALLOWED)
				.expectHeader()
				.value("Access-Control-Expose-Headers", (exposed) -> assertThat(exposed).contains("operationID"));
		}

		@Test
		void anotherOriginIsRefusedWithTheEnvelope() {
			String operationId = uniqueOperationId();
			EntityExchangeResult<byte[]> result = client().get()
				.uri("/users/5")
				.header("operationID", operationId)
				.header("Origin", "https://evil.example.com")
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.returnResult();

			assertThat(result.getResponseHeaders().getAccessControlAllowOrigin()).isNull();
			EnvelopeTests.assertEnvelope(403, 1002, "NoPermissionError", new String(result.getResponseBody()));
			assertThat(reachedABackend(operationId)).isFalse();
		}

		@Test
		void aPreflightFromAnotherOriginIsRefused() {
			client().options()
				.uri("/users/me")
				.header("Origin", "https://evil.example.com")
				.header("Access-Control-Request-Method", "PUT")
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectHeader()
				.doesNotExist("Access-Control-Allow-Origin");
		}

	}

	@Nested
	class Nosniff {

		@Test
		void isOnProxiedAnswersExactlyOnce() {
			EntityExchangeResult<byte[]> result = client().get()
				.uri("/users/5")
				.header("operationID", OPERATION_ID)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.returnResult();

			assertThat(result.getResponseHeaders().get("X-Content-Type-Options")).containsExactly("nosniff");
			assertThat(result.getResponseHeaders().get("operationID")).containsExactly(OPERATION_ID);
		}

		@Test
		void isOnRefusalsAndOnTheGatewaysOwnEndpoints() {
			client().get()
				.uri("/users/me")
				.header("operationID", OPERATION_ID)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff");
			client().get()
				.uri("/actuator/prometheus")
				.header("operationID", OPERATION_ID)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff");
		}

	}

}
