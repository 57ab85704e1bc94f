package com.contentsuite.gateway;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The operationID rule of docs/api.md section 1. */
class OperationIdTests extends GatewayTestBase {

	private static void assertArgsError(EntityExchangeResult<byte[]> result, String detail) {
		assertThat(result.getStatus().value()).isEqualTo(400);
		JsonNode envelope = json(result.getResponseBody());
		assertThat(envelope.path("errCode").asInt()).isEqualTo(1001);
		assertThat(envelope.path("errMsg").asString()).isEqualTo("ArgsError");
		assertThat(envelope.path("errDlt").asString()).isEqualTo(detail);
		assertThat(result.getResponseHeaders().getFirst("operationID")).startsWith("gen-");
	}

	@Nested
	class WhereItIsRequired {

		@Test
		void aMissingOneIsRefusedBeforeAnyBackendIsCalled() {
			int before = TestBackends.USERS.received().size();

			assertArgsError(client().get().uri("/users/5").exchange().expectBody().returnResult(),
					"header must have operationID");
			assertThat(TestBackends.USERS.received()).hasSize(before);
		}

		@Test
		void anEmptyOneCountsAsMissing() {
			assertArgsError(
					client().get().uri("/users/5").header("operationID", "").exchange().expectBody().returnResult(),
					"header must have operationID");
		}

		@Test
		void anInvalidOneIsRefusedAndNotEchoed() {
			assertArgsError(client().get()
				.uri("/users/5")
				.header("operationID", "has space")
				.exchange()
				.expectBody()
				.returnResult(), "operationID is invalid");
			assertArgsError(client().get()
				.uri("/users/5")
				.header("operationID", "x".repeat(65))
				.exchange()
				.expectBody()
				.returnResult(), "operationID is invalid");
		}

		@Test
		void aValidOneIsEchoedOnSuccessAndForwarded() {
			byte[] body = client().get()
				.uri("/users/5")
				.header("operationID", "Op.1:a-b_c")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("operationID", "Op.1:a-b_c")
				.expectBody()
				.returnResult()
				.getResponseBody();
			assertThat(json(body).path("data").path("headers").path("operationid").get(0).asString())
				.isEqualTo("Op.1:a-b_c");
		}

		@Test
		void aValidOneIsEchoedOnErrors() {
			client().get()
				.uri("/nowhere")
				.header("operationID", "op-404")
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.valueEquals("operationID", "op-404");
		}

		@Test
		void onlyGetOfTheCaptchaMayOmitIt() {
			assertArgsError(client().post().uri("/passport/image_code").exchange().expectBody().returnResult(),
					"header must have operationID");
		}

	}

	@Nested
	class WhereTheGatewayMintsOne {

		private void assertMintedAndForwarded(String path) {
			EntityExchangeResult<byte[]> result = client().get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.returnResult();
			String minted = result.getResponseHeaders().getFirst("operationID");
			assertThat(minted).startsWith("gen-");
			assertThat(
					json(result.getResponseBody()).path("data").path("headers").path("operationid").get(0).asString())
				.isEqualTo(minted);
		}

		@Test
		void theCaptchaImage() {
			assertMintedAndForwarded("/passport/image_code?cur_id=abcdefgh");
		}

		@Test
		void files() {
			assertMintedAndForwarded("/files/avatars/7/ab12.png");
		}

		@Test
		void health() {
			client().get()
				.uri("/actuator/health")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.value("operationID", (value) -> assertThat(value).startsWith("gen-"));
			client().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		}

	}

}
