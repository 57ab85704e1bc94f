package com.contentsuite.gateway;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Each route's auth mode (docs/api.md sections 2 to 5) as a client meets it. */
class AuthModeTests extends GatewayTestBase {

	private WebTestClient.ResponseSpec call(String method, String path, String token) {
		return call(method, path, token, OPERATION_ID);
	}

	private WebTestClient.ResponseSpec call(String method, String path, String token, String operationId) {
		WebTestClient.RequestBodySpec request = client().method(HttpMethod.valueOf(method))
			.uri(path)
			.header("operationID", operationId);
		if (token != null) {
			request.header("token", token);
		}
		if (method.equals("POST") || method.equals("PUT")) {
			request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
		}
		return request.exchange();
	}

	private JsonNode forwardedHeaders(String method, String path, String token) {
		byte[] body = call(method, path, token).expectStatus().isOk().expectBody().returnResult().getResponseBody();
		return json(body).path("data").path("headers");
	}

	private void assertTokenEmpty(String method, String path) {
		String operationId = uniqueOperationId();
		byte[] body = call(method, path, null, operationId).expectStatus()
			.isUnauthorized()
			.expectBody()
			.returnResult()
			.getResponseBody();
		JsonNode envelope = json(body);
		assertThat(envelope.path("errCode").asInt()).isEqualTo(1001);
		assertThat(envelope.path("errMsg").asString()).isEqualTo("ArgsError");
		assertThat(envelope.path("errDlt").asString()).isEqualTo("token is empty");
		assertThat(reachedABackend(operationId)).isFalse();
	}

	@Nested
	class Required {

		@ParameterizedTest(name = "{0} {1}")
		@CsvSource({ "POST, /passport/logout", "PUT, /passport/password", "PUT, /passport/username", "GET, /users/me",
				"PUT, /users/me", "POST, /users/avatar", "GET, /users/auth", "POST, /users/auth",
				"POST, /users/followings", "DELETE, /users/followings/5", "GET, /users/blacklist",
				"POST, /users/blacklist", "DELETE, /users/blacklist/5", "GET, /articles/mine", "GET, /articles/likes",
				"GET, /articles/collections", "POST, /articles", "PUT, /articles/5", "DELETE, /articles/5",
				"PUT, /articles/5/likes", "PUT, /articles/5/collections", "POST, /articles/5/comments",
				"DELETE, /articles/5/comments/9", "POST, /chatx/moments/publish", "POST, /chatx/moments/feed",
				"POST, /chatx/moments/like", "POST, /chatx/moments/comment/del" })
		void refusesARequestWithoutToken(String method, String path) {
			assertTokenEmpty(method, path);
		}

		@Test
		void forwardsTheUserOfAValidToken() {
			assertThat(forwardedHeaders("GET", "/users/me", TestKeys.access("7", "s-req")).path("x-user-id")
				.get(0)
				.asString()).isEqualTo("7");
		}

		@Test
		void forwardsEveryUserIdAServiceTakes() {
			// The largest ID a service reads (common's Ids) and passport signs.
			assertThat(forwardedHeaders("GET", "/users/me", TestKeys.access("9223372036854775807", "s-req"))
				.path("x-user-id")
				.get(0)
				.asString()).isEqualTo("9223372036854775807");
		}

		@Test
		void acceptsTheTokenAsABearerAuthorization() {
			byte[] body = client().get()
				.uri("/users/me")
				.header("operationID", OPERATION_ID)
				.header("Authorization", "Bearer " + TestKeys.access("8", "s-req"))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.returnResult()
				.getResponseBody();
			assertThat(json(body).path("data").path("headers").path("x-user-id").get(0).asString()).isEqualTo("8");
		}

		@Test
		void appliesToARouteNoRuleNames() {
			assertTokenEmpty("GET", "/users/me/unknown/thing");
		}

	}

	@Nested
	class Optional {

		@ParameterizedTest(name = "{0} {1}")
		@CsvSource({ "GET, /users/5", "GET, /users/followings", "GET, /users/followers", "GET, /articles/new",
				"GET, /articles/hot", "GET, /articles/users/5", "GET, /articles/5", "GET, /articles/5/comments",
				"PUT, /articles/5/hits" })
		void forwardsAnAnonymousViewerWithoutToken(String method, String path) {
			JsonNode headers = forwardedHeaders(method, path, null);
			assertThat(headers.has("x-user-id")).isFalse();
			assertThat(headers.has("x-internal-auth")).isTrue();
		}

		@Test
		void forwardsTheViewerWithAValidToken() {
			assertThat(forwardedHeaders("GET", "/users/5", TestKeys.access("9", "s-opt")).path("x-user-id")
				.get(0)
				.asString()).isEqualTo("9");
		}

		@ParameterizedTest(name = "{0} {1}")
		@CsvSource({ "GET, /users/5", "GET, /articles/new", "GET, /articles/hot", "GET, /articles/users/5",
				"GET, /articles/5", "GET, /articles/5/comments", "PUT, /articles/5/hits" })
		void refusesABadTokenInsteadOfTreatingItAsAnonymous(String method, String path) {
			String operationId = uniqueOperationId();
			byte[] body = call(method, path, "garbage", operationId).expectStatus()
				.isUnauthorized()
				.expectBody()
				.returnResult()
				.getResponseBody();
			assertThat(json(body).path("errCode").asInt()).isEqualTo(1503);
			assertThat(reachedABackend(operationId)).isFalse();
		}

	}

	@Nested
	class None {

		@ParameterizedTest(name = "{0} {1}")
		@CsvSource({ "POST, /passport/check_mobile", "POST, /passport/register", "POST, /passport/login",
				"POST, /passport/refresh", "GET, /files/avatars/7/ab.png", "GET, /files/moments/7/ab.png" })
		void ignoresEvenABadTokenAndForwardsNoUser(String method, String path) {
			assertThat(forwardedHeaders(method, path, "garbage").has("x-user-id")).isFalse();
		}

		@Test
		void forwardsNoUserEvenForAValidToken() {
			assertThat(forwardedHeaders("POST", "/passport/register", TestKeys.access("7", "s-none")).has("x-user-id"))
				.isFalse();
		}

		@Test
		void servesPassportsKeySetThroughTheGateway() {
			byte[] body = call("GET", "/passport/jwks", null).expectStatus()
				.isOk()
				.expectBody()
				.returnResult()
				.getResponseBody();
			assertThat(json(body).path("keys").get(0).path("kty").asString()).isEqualTo("RSA");
		}

	}

}
