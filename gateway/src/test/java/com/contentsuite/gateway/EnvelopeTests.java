package com.contentsuite.gateway;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's own failures in the envelope, and what never gets routed. */
class EnvelopeTests extends GatewayTestBase {

	static void assertEnvelope(int status, int code, String errMsg, String body) {
		JsonNode envelope = json(body);
		assertThat(envelope.path("errCode").asInt()).as(body).isEqualTo(code);
		assertThat(envelope.path("errMsg").asString()).isEqualTo(errMsg);
		assertThat(envelope.has("data")).isFalse();
		assertThat(body).doesNotContain("Exception").doesNotContain("127.0.0.1").doesNotContain("at ");
	}

	@Nested
	class UnknownRoutes {

		@ParameterizedTest
		@ValueSource(strings = { "/nowhere", "/internal/users/sync", "/internal/users/batch", "/actuator/env",
				"/actuator/beans", "/user/me", "/" })
		void areNotFoundAndReachNoBackend(String path) {
			String operationId = uniqueOperationId();
			EntityExchangeResult<byte[]> result = client().post()
				.uri(path)
				.header("operationID", operationId)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				.expectBody()
				.returnResult();

			assertEnvelope(404, 1004, "RecordNotFoundError", new String(result.getResponseBody()));
			assertThat(reachedABackend(operationId)).isFalse();
		}

	}

	@Nested
	class UnsafePaths {

		@ParameterizedTest
		@ValueSource(strings = { "/users/../internal/users/sync", "/users/..%2finternal/users/sync",
				"/users/%2e%2e/internal/x", "/users/%2E%2E%2Factuator/env", "/passport/..%5cactuator",
				"/users/me;jsessionid=1", "/users//me", "/users/./me", "/files/%252e%252e/x", "/users/me/..",
				"/users/me%00" })
		void areRefusedBeforeRouting(String rawPath) {
			String operationId = uniqueOperationId();
			RawHttp.Response response = RawHttp.send(port,
					"GET " + rawPath + " HTTP/1.1\r\nHost: gw\r\noperationID: " + operationId);

			assertThat(response.status()).as(rawPath).isEqualTo(400);
			assertEnvelope(400, 1001, "ArgsError", response.body());
			assertThat(json(response.body()).path("errDlt").asString()).isEqualTo("path is invalid");
			assertThat(reachedABackend(operationId)).isFalse();
		}

		// java.net.URI refuses these, which Spring's Reactor adapter answers with a bare
		// 400 before any web filter runs: the gateway must still answer in its own shape.
		@Test
		void aBackslashIsRefusedToo() {
			assertRefusedInTheEnvelope("/users\\..\\internal");
		}

		@ParameterizedTest
		@ValueSource(strings = { "/users/me?q=%zz", "/users|me", "/users/me?q=a|b", "/users/{userID}",
				"/users/me?q={x}", "/users/%zz", "/users/me%2", "/users/me?q=%", "/users/a^b", "/users/a`b",
				"/users/a\"b", "/users/a<b>", "/users/a[b]", "/users/me#a#b" })
		void charactersAndEscapesTheUriParserRefusesAreRefusedToo(String rawTarget) {
			assertRefusedInTheEnvelope(rawTarget);
		}

		@Test
		void aRequestTheUriParserRefusesGetsAMintedOperationIdWhenItsOwnIsMissingOrInvalid() {
			RawHttp.Response missing = RawHttp.send(port, "GET /users|me HTTP/1.1\r\nHost: gw");
			RawHttp.Response invalid = RawHttp.send(port,
					"GET /users/me?q=%zz HTTP/1.1\r\nHost: gw\r\noperationID: not valid!");

			for (RawHttp.Response response : new RawHttp.Response[] { missing, invalid }) {
				assertThat(response.status()).isEqualTo(400);
				assertEnvelope(400, 1001, "ArgsError", response.body());
				assertThat(response.header("operationID")).startsWith("gen-");
				assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
			}
		}

		@Test
		void aConnectionStaysUsableAfterARequestTheUriParserRefuses() {
			String operationId = uniqueOperationId();
			RawHttp.Response response = RawHttp.send(port, "GET /users|me HTTP/1.1\r\nHost: gw\r\noperationID: "
					+ operationId + "\r\n\r\nGET /users/5 HTTP/1.1\r\nHost: gw\r\noperationID: " + operationId);

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.body()).contains("\"errDlt\":\"path is invalid\"").contains("HTTP/1.1 200 ");
			assertThat(TestBackends.USERS.receivedWithOperation(operationId)).hasSize(1);
		}

		private void assertRefusedInTheEnvelope(String rawTarget) {
			String operationId = uniqueOperationId();
			RawHttp.Response response = RawHttp.send(port,
					"GET " + rawTarget + " HTTP/1.1\r\nHost: gw\r\noperationID: " + operationId);

			assertThat(response.status()).as(rawTarget).isEqualTo(400);
			assertEnvelope(400, 1001, "ArgsError", response.body());
			assertThat(json(response.body()).path("errDlt").asString()).isEqualTo("path is invalid");
			assertThat(response.header("Content-Type")).startsWith("application/json");
			assertThat(response.header("operationID")).isEqualTo(operationId);
			assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(reachedABackend(operationId)).isFalse();
		}

	}

	@Nested
	class Methods {

		@Test
		void aMethodTheSuiteNeverServesIsNotAllowed() {
			RawHttp.Response response = RawHttp.send(port,
					"TRACE /users/me HTTP/1.1\r\nHost: gw\r\noperationID: " + OPERATION_ID);

			assertThat(response.status()).isEqualTo(405);
			assertEnvelope(405, 1001, "ArgsError", response.body());
			assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		}

		@Test
		void aMethodTheGatewaysOwnEndpointDoesNotTakeIsNotAllowed() {
			EntityExchangeResult<byte[]> result = client().post()
				.uri("/actuator/health")
				.header("operationID", OPERATION_ID)
				.exchange()
				.expectStatus()
				.isEqualTo(405)
				.expectBody()
				.returnResult();

			assertEnvelope(405, 1001, "ArgsError", new String(result.getResponseBody()));
		}

	}

}
