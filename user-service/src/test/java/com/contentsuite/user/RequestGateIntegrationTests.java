package com.contentsuite.user;

import java.util.Map;

import com.contentsuite.testsupport.ServiceApi.Reply;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What common's filters and error mapping do for this service: who gets in, and that
 * every failure answers in the envelope.
 */
class RequestGateIntegrationTests extends UserServiceIntegrationTest {

	private static void assertEnvelope(Reply reply, int status, int errCode) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.errCode()).isEqualTo(errCode);
		assertThat(reply.json().has("errMsg")).isTrue();
		assertThat(reply.json().has("errDlt")).isTrue();
		assertThat(reply.json().has("data")).isFalse();
	}

	@Nested
	class Signature {

		@ParameterizedTest
		@ValueSource(strings = { "/users/me", "/users/7", "/internal/users/batch", "/no/such/route" })
		void missingIsRefusedWith403(String path) {
			Reply reply = RequestGateIntegrationTests.this.api.sendWithHeaders("GET", path,
					Map.of("operationID", "op-1", "X-User-ID", "7"), null);

			assertEnvelope(reply, 403, 1002);
		}

		@Test
		void forAnotherPathIsRefusedWith403() {
			long userId = syncedUser();
			Map<String, String> headers = Map.of("operationID", "op-2", "X-User-ID", Long.toString(userId),
					"X-Internal-Auth", "v1:gateway:" + System.currentTimeMillis() + ":forged");

			assertEnvelope(RequestGateIntegrationTests.this.api.sendWithHeaders("GET", "/users/me", headers, null), 403,
					1002);
		}

		@ParameterizedTest
		@ValueSource(strings = { "/internal/users/sync", "/internal/users/batch" })
		void ofTheGatewayIsRefusedOnInternalRoutes(String path) {
			Reply reply = RequestGateIntegrationTests.this.api.send("POST", path, Api.GATEWAY, null,
					"{\"userIDs\": [\"1\"]}");

			assertEnvelope(reply, 403, 1002);
		}

		@Test
		void isNotNeededForHealthAndPrometheus() {
			Reply readiness = RequestGateIntegrationTests.this.api.sendWithHeaders("GET", "/actuator/health/readiness",
					Map.of(), null);
			Reply liveness = RequestGateIntegrationTests.this.api.sendWithHeaders("GET", "/actuator/health/liveness",
					Map.of(), null);
			Reply prometheus = RequestGateIntegrationTests.this.api.sendWithHeaders("GET", "/actuator/prometheus",
					Map.of(), null);

			assertThat(readiness.status()).isEqualTo(200);
			assertThat(readiness.json().get("status").stringValue()).isEqualTo("UP");
			assertThat(liveness.status()).isEqualTo(200);
			assertThat(prometheus.status()).isEqualTo(200);
			assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
		}

	}

	@Nested
	class Envelope {

		@Test
		void answersAnUnknownRouteWith404And1004() {
			assertEnvelope(RequestGateIntegrationTests.this.api.get("/users/me/nothing/here", 7L), 404, 1004);
		}

		@Test
		void answersAWrongMethodWith405And1001() {
			Reply reply = RequestGateIntegrationTests.this.api.send("DELETE", "/users/me", Api.GATEWAY, 7L, null);

			assertEnvelope(reply, 405, 1001);
		}

		@Test
		void answersMalformedJsonOnAnInternalRouteWith1001() {
			Reply reply = RequestGateIntegrationTests.this.api.internal("/internal/users/sync", "{\"userID\": ");

			assertEnvelope(reply, 400, 1001);
			assertThat(reply.errDlt()).isEqualTo("request body is not valid JSON");
		}

		@Test
		void echoesTheOperationIdAndForbidsSniffing() {
			long userId = syncedUser();
			Reply reply = RequestGateIntegrationTests.this.api.get("/users/me", userId);

			assertThat(reply.header("operationID")).startsWith("test-");
			assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
		}

	}

}
