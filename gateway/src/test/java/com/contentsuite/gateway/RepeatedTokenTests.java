package com.contentsuite.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that carries two different tokens is refused: the gateway must not pick one
 * while a service or a log reads the other.
 */
class RepeatedTokenTests extends GatewayTestBase {

	private RawHttp.Response get(String path, String operationId, String tokenHeaders) {
		return RawHttp.send(port,
				"GET " + path + " HTTP/1.1\r\nHost: gw\r\noperationID: " + operationId + "\r\n" + tokenHeaders);
	}

	private void assertRepeated(RawHttp.Response response, String operationId) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(json(response.body()).path("errCode").asInt()).isEqualTo(1001);
		assertThat(json(response.body()).path("errMsg").asString()).isEqualTo("ArgsError");
		assertThat(json(response.body()).path("errDlt").asString()).isEqualTo("token header is repeated");
		assertThat(response.header("operationID")).isEqualTo(operationId);
		assertThat(reachedABackend(operationId)).isFalse();
	}

	@Test
	void twoDifferentTokenHeadersAreRefusedEvenWhenTheFirstIsValid() {
		String operationId = uniqueOperationId();
		assertRepeated(
				get("/users/me", operationId,
						"token: " + TestKeys.access("7", "s-rep") + "\r\ntoken: " + TestKeys.access("8", "s-rep")),
				operationId);
	}

	@Test
	void aTokenAndADifferentBearerAreRefused() {
		String operationId = uniqueOperationId();
		assertRepeated(
				get("/users/me", operationId,
						"token: " + TestKeys.access("7", "s-rep") + "\r\nAuthorization: Bearer not-a-jwt"),
				operationId);
	}

	@Test
	void twoDifferentBearersAreRefusedOnAnOptionalRoute() {
		String operationId = uniqueOperationId();
		assertRepeated(get("/users/42", operationId, "Authorization: Bearer " + TestKeys.access("7", "s-rep")
				+ "\r\nAuthorization: Bearer " + TestKeys.access("8", "s-rep")), operationId);
	}

	@Test
	void identicalCopiesCountAsOneToken() {
		String token = TestKeys.access("7", "s-rep");
		RawHttp.Response response = get("/users/me", uniqueOperationId(),
				"token: " + token + "\r\nTOKEN: " + token + "\r\nAuthorization: Bearer " + token);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(json(response.body()).path("data").path("headers").path("x-user-id").get(0).asString())
			.isEqualTo("7");
	}

	@Test
	void anEmptyTokenHeaderNextToABearerIsNoRepetition() {
		RawHttp.Response response = get("/users/me", uniqueOperationId(),
				"token: \r\nAuthorization: Bearer " + TestKeys.access("7", "s-rep"));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	@Test
	void onARouteThatIgnoresTokensTwoTokensAreIgnoredToo() {
		RawHttp.Response response = get("/files/avatars/7/a.png", uniqueOperationId(), "token: a\r\ntoken: b");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

}
