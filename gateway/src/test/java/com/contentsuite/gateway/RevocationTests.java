package com.contentsuite.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revoked sessions survive a Redis restart: Redis keeps nothing on disk, so the gateway
 * trusts the absence of {@code passport:revoked:sid:{sid}} only while passport's marker
 * {@code passport:revoked:published} says every revocation is back in Redis.
 */
class RevocationTests extends GatewayTestBase {

	private String markerKey() {
		return this.namespace.key("passport:revoked:published");
	}

	private EntityExchangeResult<byte[]> me(String sessionId, String operationId) {
		return client().get()
			.uri("/users/me")
			.header("operationID", operationId)
			.header("token", TestKeys.access("7", sessionId))
			.exchange()
			.expectBody()
			.returnResult();
	}

	// The other tests of this context need the marker.
	@AfterEach
	void republish() {
		revocationsArePublished();
	}

	@Test
	void withoutPassportsMarkerATokenIsRefusedAsUnavailableAndReachesNoBackend() {
		// As after a Redis restart: neither the marker nor any revoked session is there.
		this.redis.delete(markerKey()).block();
		String operationId = uniqueOperationId();

		EntityExchangeResult<byte[]> result = me("s-after-restart", operationId);

		String body = new String(result.getResponseBody());
		assertThat(result.getStatus().value()).as(body).isEqualTo(503);
		EnvelopeTests.assertEnvelope(503, 1006, "ServiceUnavailableError", body);
		assertThat(json(body).path("errDlt").asString()).isEqualTo("revocation state unavailable, try again");
		assertThat(result.getResponseHeaders().getFirst("operationID")).isEqualTo(operationId);
		assertThat(reachedABackend(operationId)).isFalse();
	}

	@Test
	void withoutPassportsMarkerAnonymousAndPublicRoutesStillWork() {
		this.redis.delete(markerKey()).block();

		client().get().uri("/users/5").header("operationID", OPERATION_ID).exchange().expectStatus().isOk();
		client().post()
			.uri("/passport/login")
			.header("operationID", OPERATION_ID)
			.header("token", TestKeys.access("7", "s-public"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void withPassportsMarkerARevokedSessionIsKickedAndAnotherPasses() {
		this.redis.opsForValue().set(this.namespace.key("passport:revoked:sid:s-kicked"), "logout").block();

		EntityExchangeResult<byte[]> kicked = me("s-kicked", uniqueOperationId());
		assertThat(kicked.getStatus().value()).isEqualTo(401);
		EnvelopeTests.assertEnvelope(401, 1506, "TokenKickedError", new String(kicked.getResponseBody()));

		assertThat(me("s-standing", uniqueOperationId()).getStatus().value()).isEqualTo(200);
	}

	@Test
	void theMarkerComingBackLetsTokensThroughAgain() {
		this.redis.delete(markerKey()).block();
		assertThat(me("s-back", uniqueOperationId()).getStatus().value()).isEqualTo(503);

		revocationsArePublished();

		assertThat(me("s-back", uniqueOperationId()).getStatus().value()).isEqualTo(200);
	}

}
