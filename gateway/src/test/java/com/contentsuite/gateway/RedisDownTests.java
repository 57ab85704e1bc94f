package com.contentsuite.gateway;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis gone: whatever needs it fails closed (503) rather than letting a revoked token or
 * an unlimited login through; what does not need it keeps working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "suite.internal-auth.secret=" + TestKeys.SECRET)
class RedisDownTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + Ports.closed());
		registry.add("spring.cloud.discovery.client.simple.instances.passport-service[0].uri",
				TestBackends.PASSPORT::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.user-service[0].uri", TestBackends.USERS::uri);
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(15))
			.build();
	}

	private static void assertUnavailable(EntityExchangeResult<byte[]> result) {
		assertThat(result.getStatus().value()).isEqualTo(503);
		EnvelopeTests.assertEnvelope(503, 1006, "ServiceUnavailableError", new String(result.getResponseBody()));
	}

	@Test
	void aValidTokenIsRefusedSinceItsRevocationCannotBeChecked() {
		String operationId = GatewayTestBase.uniqueOperationId();

		assertUnavailable(client().get()
			.uri("/users/me")
			.header("operationID", operationId)
			.header("token", TestKeys.access("7", "s-redis"))
			.exchange()
			.expectBody()
			.returnResult());
		assertThat(GatewayTestBase.reachedABackend(operationId)).isFalse();
	}

	@Test
	void aRateLimitedRouteIsRefusedSinceItCannotCount() {
		assertUnavailable(client().post()
			.uri("/passport/login")
			.header("operationID", "op-login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectBody()
			.returnResult());
	}

	@Test
	void routesThatNeedNoRedisStillWork() {
		client().get().uri("/files/avatars/7/ab.png").exchange().expectStatus().isOk();
		client().get().uri("/users/5").header("operationID", "op-anon").exchange().expectStatus().isOk();
	}

	@Test
	void readinessIsDownWhileLivenessIsUp() {
		client().get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503);
		client().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
	}

}
