package com.contentsuite.gateway;

import java.time.Duration;

import com.contentsuite.testsupport.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backend that refuses, one that is too slow, and an open circuit: each is 503 1006,
 * and an open circuit keeps requests from the backend altogether. The {@code files}
 * route's breaker opens after two failures here; the others never open.
 */
@IntegrationTest
@TestPropertySource(properties = { "suite.internal-auth.secret=" + TestKeys.SECRET,
		"spring.cloud.gateway.server.webflux.httpclient.response-timeout=400ms",
		// The deadline margin must stay below the response timeout, or the gateway
		// refuses
		// to start.
		"gateway.deadline.margin=100ms", "resilience4j.circuitbreaker.instances.passport.minimum-number-of-calls=1000",
		"resilience4j.circuitbreaker.instances.users.minimum-number-of-calls=1000",
		"resilience4j.circuitbreaker.instances.files.sliding-window-size=2",
		"resilience4j.circuitbreaker.instances.files.minimum-number-of-calls=2",
		"resilience4j.circuitbreaker.instances.files.wait-duration-in-open-state=60s" })
class DownstreamFailureTests {

	private static final StubServer PASSPORT = passport();

	private static final StubServer SLOW_USERS = slowUsers();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.passport-service[0].uri", PASSPORT::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.user-service[0].uri", SLOW_USERS::uri);
	}

	private static StubServer passport() {
		StubServer passport = StubServer.start();
		passport.route("/passport/jwks", (exchange, request) -> StubServer.send(exchange, 200, TestKeys.jwks()));
		return passport;
	}

	private static StubServer slowUsers() {
		StubServer users = StubServer.start();
		StubServer.Handler sleepy = (exchange, request) -> {
			sleep(Duration.ofSeconds(3));
			StubServer.echo(exchange, request);
		};
		users.route("/users/slow", sleepy);
		users.route("/files/slow", sleepy);
		return users;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@AfterAll
	static void stopStubs() {
		PASSPORT.stop();
		SLOW_USERS.stop();
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(15))
			.build();
	}

	private EntityExchangeResult<byte[]> get(String path, String operationId) {
		return client().get().uri(path).header("operationID", operationId).exchange().expectBody().returnResult();
	}

	private static String assertUnavailable(EntityExchangeResult<byte[]> result) {
		String body = new String(result.getResponseBody());
		assertThat(result.getStatus().value()).as(body).isEqualTo(503);
		EnvelopeTests.assertEnvelope(503, 1006, "ServiceUnavailableError", body);
		return GatewayTestBase.json(body).path("errDlt").asString();
	}

	@Test
	void aBackendSlowerThanTheResponseTimeoutIs503() {
		long start = System.nanoTime();

		String detail = assertUnavailable(get("/users/slow", "op-slow"));

		assertThat(detail).contains("timed out");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void anOpenCircuitIs503AndKeepsRequestsFromTheBackend() {
		assertUnavailable(get("/files/slow", "op-cb-1"));
		assertUnavailable(get("/files/slow", "op-cb-2"));

		String detail = assertUnavailable(get("/files/fast", "op-cb-3"));

		assertThat(detail).contains("circuit open");
		assertThat(SLOW_USERS.receivedWithOperation("op-cb-3")).isEmpty();
		// Each route has its own breaker: /users is still served.
		assertThat(get("/users/fast", "op-cb-4").getStatus().value()).isEqualTo(200);
	}

	@Nested
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	class WhenPassportStops {

		@Test
		@Order(1)
		void aRefusedConnectionIs503() {
			EntityExchangeResult<byte[]> before = client().post()
				.uri("/passport/register")
				.header("operationID", "op-up")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{}")
				.exchange()
				.expectBody()
				.returnResult();
			assertThat(before.getStatus().value()).isEqualTo(200);

			PASSPORT.stop();

			assertUnavailable(client().post()
				.uri("/passport/register")
				.header("operationID", "op-down")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{}")
				.exchange()
				.expectBody()
				.returnResult());
		}

		@Test
		@Order(2)
		void aTokenCannotBeCheckedWithoutItsKeysAndIs503() {
			PASSPORT.stop();

			assertUnavailable(client().get()
				.uri("/users/fast")
				.header("operationID", "op-keys")
				.header("token", TestKeys.access("7", "s-down"))
				.exchange()
				.expectBody()
				.returnResult());
			assertThat(SLOW_USERS.receivedWithOperation("op-keys")).isEmpty();
		}

	}

}
