package com.contentsuite.gateway;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-IP limits on the abuse-prone passport endpoints (check_mobile is set to 3 here).
 */
class RateLimitTests extends GatewayTestBase {

	private EntityExchangeResult<byte[]> checkMobile() {
		return client().post()
			.uri("/passport/check_mobile")
			.header("operationID", OPERATION_ID)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"mobile\":\"13800138000\"}")
			.exchange()
			.expectBody()
			.returnResult();
	}

	private String counterKey() {
		return this.namespace.key("gateway:rate:check-mobile:127.0.0.1");
	}

	// Other tests of this context call check_mobile too: each starts from a fresh window.
	@BeforeEach
	@AfterEach
	void freshWindow() {
		this.redis.delete(counterKey()).block();
	}

	@Test
	void requestsOverTheLimitAreTooManyWithRetryAfterAndReachNoBackend() {
		for (int i = 0; i < 3; i++) {
			assertThat(checkMobile().getStatus().value()).isEqualTo(200);
		}
		int forwarded = TestBackends.PASSPORT.receivedUnder("/passport/check_mobile").size();

		EntityExchangeResult<byte[]> refused = checkMobile();

		assertThat(refused.getStatus().value()).isEqualTo(429);
		EnvelopeTests.assertEnvelope(429, 1005, "TooManyRequestsError", new String(refused.getResponseBody()));
		assertThat(Long.parseLong(refused.getResponseHeaders().getFirst("Retry-After"))).isBetween(1L, 60L);
		assertThat(TestBackends.PASSPORT.receivedUnder("/passport/check_mobile")).hasSize(forwarded);

		Duration ttl = this.redis.getExpire(counterKey()).block();
		assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));

		// Other limits count separately.
		client().post()
			.uri("/passport/login")
			.header("operationID", OPERATION_ID)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk();
	}

}
