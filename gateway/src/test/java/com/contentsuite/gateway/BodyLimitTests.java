package com.contentsuite.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Body limits and media types, enforced before a service is reached. */
class BodyLimitTests extends GatewayTestBase {

	private static final int MIB = 1024 * 1024;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static byte[] jsonOfSize(int size) {
		byte[] body = new byte[size];
		Arrays.fill(body, (byte) ' ');
		body[0] = '{';
		body[size - 1] = '}';
		return body;
	}

	/**
	 * Sent with {@code Transfer-Encoding: chunked}: the stream's length is not declared.
	 */
	private HttpResponse<String> postChunked(String path, String contentType, byte[] body)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("operationID", OPERATION_ID)
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static void assertTooLarge(int status, String body) {
		assertThat(status).isEqualTo(413);
		EnvelopeTests.assertEnvelope(413, 1001, "ArgsError", body);
		assertThat(json(body).path("errDlt").asString()).isEqualTo("request body is too large");
	}

	@Nested
	class Json {

		@Test
		void aDeclaredLengthOverOneMebibyteIsRefusedWithoutReadingTheBody() {
			String operationId = uniqueOperationId();
			RawHttp.Response response = RawHttp.send(port,
					"POST /passport/register HTTP/1.1\r\nHost: gw\r\noperationID: " + operationId
							+ "\r\nContent-Type: application/json\r\nContent-Length: " + (MIB + 1));

			assertTooLarge(response.status(), response.body());
			assertThat(reachedABackend(operationId)).isFalse();
		}

		@Test
		void exactlyOneMebibyteIsForwarded() {
			byte[] body = client().post()
				.uri("/passport/register")
				.header("operationID", OPERATION_ID)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(jsonOfSize(MIB))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.returnResult()
				.getResponseBody();

			assertThat(json(body).path("data").path("bodyBytes").asLong()).isEqualTo(MIB);
		}

		@Test
		void aChunkedBodyIsCountedAsItStreamsAndIsNoBackendFailure() throws Exception {
			CircuitBreaker.Metrics passport = BodyLimitTests.this.circuitBreakers.circuitBreaker("passport")
				.getMetrics();
			int successesBefore = passport.getNumberOfSuccessfulCalls();
			int failuresBefore = passport.getNumberOfFailedCalls();
			assertThat(postChunked("/passport/register", "application/json", jsonOfSize(10)).statusCode())
				.isEqualTo(200);
			assertThat(passport.getNumberOfSuccessfulCalls()).as("the breaker this test watches")
				.isGreaterThan(successesBefore);

			HttpResponse<String> response = postChunked("/passport/register", "application/json",
					jsonOfSize(MIB + 64 * 1024));

			assertTooLarge(response.statusCode(), response.body());
			assertThat(passport.getNumberOfFailedCalls()).isEqualTo(failuresBefore);
		}

		@Test
		void aSmallChunkedBodyIsForwardedWhole() throws Exception {
			HttpResponse<String> response = postChunked("/passport/register", "application/json;charset=UTF-8",
					jsonOfSize(200_000));

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(json(response.body()).path("data").path("bodyBytes").asLong()).isEqualTo(200_000);
		}

	}

	@Nested
	class Multipart {

		private EntityExchangeResult<byte[]> upload(int size) {
			return client().post()
				.uri("/users/avatar")
				.header("operationID", OPERATION_ID)
				.header("token", TestKeys.access("7", "s-upload"))
				.contentType(MediaType.parseMediaType("multipart/form-data; boundary=xyz"))
				.bodyValue(new byte[size])
				.exchange()
				.expectBody()
				.returnResult();
		}

		@Test
		void twoMebibytesWithFramingAreForwarded() {
			EntityExchangeResult<byte[]> result = upload(2 * MIB + 60 * 1024);

			assertThat(result.getStatus().value()).isEqualTo(200);
		}

		@Test
		void moreThanTheUploadLimitIsRefused() {
			EntityExchangeResult<byte[]> result = upload(2 * MIB + 65 * 1024);

			assertTooLarge(result.getStatus().value(), new String(result.getResponseBody()));
		}

	}

	@Nested
	class MediaTypes {

		@Test
		void aBodyThatIsNeitherJsonNorMultipartIsUnsupported() {
			String operationId = uniqueOperationId();
			EntityExchangeResult<byte[]> result = client().post()
				.uri("/passport/login")
				.header("operationID", operationId)
				.contentType(MediaType.TEXT_PLAIN)
				.bodyValue("account=alice")
				.exchange()
				.expectStatus()
				.isEqualTo(415)
				.expectBody()
				.returnResult();

			EnvelopeTests.assertEnvelope(415, 1001, "ArgsError", new String(result.getResponseBody()));
			assertThat(reachedABackend(operationId)).isFalse();
		}

		@Test
		void aBodyWithoutMediaTypeIsUnsupported() {
			RawHttp.Response response = RawHttp.send(port, "POST /passport/login HTTP/1.1\r\nHost: gw\r\noperationID: "
					+ OPERATION_ID + "\r\nContent-Length: 2", "{}".getBytes());

			assertThat(response.status()).isEqualTo(415);
		}

		@Test
		void aMediaTypeWithoutBodyIsOfNoConcern() {
			client().get()
				.uri("/users/5")
				.header("operationID", OPERATION_ID)
				.header("Content-Type", "text/plain")
				.exchange()
				.expectStatus()
				.isOk();
		}

	}

}
