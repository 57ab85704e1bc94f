package com.contentsuite.gateway;

import com.contentsuite.common.internal.InternalAuth;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What a service receives: never a client's identity headers, always the gateway's. */
class HeaderHygieneTests extends GatewayTestBase {

	private static final String FORGED = "userID: 99\r\nUSERID: 98\r\nuserid: 97\r\nx-user-id: 96\r\nX-USER-ID: 95\r\n"
			+ "X-User-ID: 94\r\nX-User-ID: 93\r\nX-INTERNAL-AUTH: v1:gateway:1:forged\r\n"
			+ "x-internal-auth: v1:gateway:2:forged\r\nX-Internal-Client-IP: 6.6.6.6\r\n"
			+ "x-internal-anything: yes\r\nX-Forwarded-For: 7.7.7.7";

	private JsonNode backendHeaders(RawHttp.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return json(response.body()).path("data").path("headers");
	}

	@Nested
	class OnAnOptionalRouteWithoutToken {

		@Test
		void everyCaseVariantAndCopyOfTheIdentityHeadersIsRemoved() {
			JsonNode headers = backendHeaders(RawHttp.send(port,
					"GET /users/42 HTTP/1.1\r\n" + "Host: gw\r\noperationID: " + OPERATION_ID + "\r\n" + FORGED));

			assertThat(headers.has("userid")).isFalse();
			assertThat(headers.has("x-user-id")).isFalse();
			assertThat(headers.has("x-internal-anything")).isFalse();
			assertThat(headers.path("x-internal-auth")).hasSize(1);
			assertThat(headers.path("x-internal-auth").get(0).asString()).doesNotContain("forged");
		}

		@Test
		void theClientIpIsThePeerNotWhatTheClientClaims() {
			JsonNode headers = backendHeaders(RawHttp.send(port,
					"GET /users/42 HTTP/1.1\r\n" + "Host: gw\r\noperationID: " + OPERATION_ID + "\r\n" + FORGED));

			assertThat(headers.path("x-internal-client-ip")).hasSize(1);
			assertThat(headers.path("x-internal-client-ip").get(0).asString()).isEqualTo("127.0.0.1");
		}

	}

	@Nested
	class OnAPublicRoute {

		@Test
		void identityHeadersAreRemovedToo() {
			byte[] body = "{\"account\":\"alice\",\"password\":\"secret-secret\"}".getBytes();
			JsonNode headers = backendHeaders(
					RawHttp.send(port,
							"POST /passport/login HTTP/1.1\r\nHost: gw\r\noperationID: " + OPERATION_ID + "\r\n"
									+ FORGED + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length,
							body));

			assertThat(headers.has("userid")).isFalse();
			assertThat(headers.has("x-user-id")).isFalse();
			assertThat(headers.has("x-internal-anything")).isFalse();
			assertThat(headers.path("x-internal-client-ip").get(0).asString()).isEqualTo("127.0.0.1");
		}

	}

	@Nested
	class WithAVerifiedToken {

		@Test
		void theBackendReceivesOnlyTheGatewaysUserId() {
			JsonNode headers = backendHeaders(
					RawHttp.send(port, "GET /users/me HTTP/1.1\r\n" + "Host: gw\r\noperationID: " + OPERATION_ID
							+ "\r\ntoken: " + TestKeys.access("7", "s-hyg") + "\r\n" + FORGED));

			assertThat(headers.path("x-user-id")).hasSize(1);
			assertThat(headers.path("x-user-id").get(0).asString()).isEqualTo("7");
			assertThat(headers.has("userid")).isFalse();
		}

		@Test
		void theSignatureCoversMethodRawPathUserAndOperationAndVerifies() {
			JsonNode data = json(RawHttp
				.send(port,
						"DELETE /users/followings/12%2B3 HTTP/1.1\r\nHost: gw\r\noperationID: " + OPERATION_ID
								+ "\r\nAuthorization: Bearer " + TestKeys.access("7", "s-hyg") + "\r\n" + FORGED)
				.body()).path("data");
			JsonNode headers = data.path("headers");
			String signature = headers.path("x-internal-auth").get(0).asString();

			assertThat(data.path("path").asString()).isEqualTo("/users/followings/12%2B3");
			assertThat(TestKeys.STUB_AUTH.verify(signature, "DELETE", "/users/followings/12%2B3", "7", OPERATION_ID))
				.isEqualTo(InternalAuth.GATEWAY_CALLER);
			assertThat(TestKeys.STUB_AUTH.verify(signature, "DELETE", "/users/followings/12%2B3", "8", OPERATION_ID))
				.isNull();
			assertThat(headers.path("operationid").get(0).asString()).isEqualTo(OPERATION_ID);
		}

	}

}
