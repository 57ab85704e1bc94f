package com.contentsuite.gateway;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Reactor Netty's HTTP decoder refuses before any route or filter runs: still the
 * envelope, {@code nosniff} and an operationID, and the connection is closed.
 */
class ProtocolRefusalTests extends GatewayTestBase {

	private static void assertRefused(RawHttp.Response response, int status, String detail) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(json(response.body()).path("errCode").asInt()).isEqualTo(1001);
		assertThat(json(response.body()).path("errMsg").asString()).isEqualTo("ArgsError");
		assertThat(json(response.body()).path("errDlt").asString()).isEqualTo(detail);
		assertThat(json(response.body()).has("data")).isFalse();
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertThat(response.header("Content-Length")).isEqualTo(Integer.toString(response.body().length()));
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.header("Connection")).isEqualTo("close");
	}

	@Nested
	class TooLarge {

		@Test
		void aTwentyKilobyteQueryIsUriTooLongWithAMintedOperationId() {
			RawHttp.Response response = RawHttp.send(port,
					"GET /users/5?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: gw\r\noperationID: " + OPERATION_ID);

			assertRefused(response, 414, "URI is too long");
			// The request line failed, so no header of the client's was read.
			assertThat(response.header("operationID")).startsWith("gen-");
		}

		@Test
		void aThirtyKilobyteTokenIsHeadersTooLargeWithTheClientsOperationId() {
			String operationId = uniqueOperationId();
			// Netty stores a header once it reads the next line, so one header sits
			// between.
			RawHttp.Response response = RawHttp.send(port, "GET /users/me HTTP/1.1\r\noperationID: " + operationId
					+ "\r\nHost: gw\r\ntoken: " + "t".repeat(30_000));

			assertRefused(response, 431, "request headers are too large");
			assertThat(response.header("operationID")).isEqualTo(operationId);
			assertThat(reachedABackend(operationId)).isFalse();
		}

		@Test
		void aHundredKilobyteHeaderIsHeadersTooLarge() {
			RawHttp.Response response = RawHttp.send(port,
					"GET /users/5 HTTP/1.1\r\nHost: gw\r\nX-Padding: " + "p".repeat(100_000));

			assertRefused(response, 431, "request headers are too large");
			assertThat(response.header("operationID")).startsWith("gen-");
		}

	}

	@Nested
	class BadFraming {

		@Test
		void twoContentLengthsAreRefusedAndTheBodyNeverReachesABackend() {
			String operationId = uniqueOperationId();
			byte[] body = "{\"a\":1}".getBytes();
			RawHttp.Response response = RawHttp.send(port, "POST /passport/login HTTP/1.1\r\nHost: gw\r\noperationID: "
					+ operationId + "\r\nContent-Type: application/json\r\nContent-Length: 7\r\nContent-Length: 3",
					body);

			assertRefused(response, 400, "request framing is invalid");
			assertThat(response.header("operationID")).isEqualTo(operationId);
			assertThat(reachedABackend(operationId)).isFalse();
		}

		@Test
		void chunkedTogetherWithAContentLengthIsRefused() {
			String operationId = uniqueOperationId();
			RawHttp.Response response = RawHttp.send(port,
					"POST /passport/login HTTP/1.1\r\nHost: gw\r\noperationID: " + operationId
							+ "\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked",
					"0\r\n\r\nGET /users/5 HTTP/1.1\r\nHost: gw\r\n\r\n".getBytes());

			assertRefused(response, 400, "request framing is invalid");
			assertThat(response.header("operationID")).isEqualTo(operationId);
			assertThat(reachedABackend(operationId)).isFalse();
			// Nothing after the refused request was read as a second request.
			assertThat(response.body()).doesNotContain("HTTP/1.1");
		}

		@Test
		void aMalformedRequestLineIsRefused() {
			RawHttp.Response response = RawHttp.send(port, "GET /users/5 HTTP/1.1 trailing-garbage\r\nHost: gw");

			assertRefused(response, 400, "request framing is invalid");
			assertThat(response.header("operationID")).startsWith("gen-");
		}

		@Test
		void aHeaderNameWithASpaceIsRefused() {
			String operationId = uniqueOperationId();
			RawHttp.Response response = RawHttp.send(port,
					"GET /users/5 HTTP/1.1\r\noperationID: " + operationId + "\r\nHost: gw\r\nX Bad: 1");

			assertRefused(response, 400, "request framing is invalid");
			assertThat(reachedABackend(operationId)).isFalse();
		}

		@Test
		void anInvalidOperationIdOfARefusedRequestIsNeverEchoed() {
			RawHttp.Response response = RawHttp.send(port,
					"POST /passport/login HTTP/1.1\r\nHost: gw\r\noperationID: not valid!\r\n"
							+ "Content-Length: 1\r\nContent-Length: 2");

			assertRefused(response, 400, "request framing is invalid");
			assertThat(response.header("operationID")).startsWith("gen-");
		}

	}

}
