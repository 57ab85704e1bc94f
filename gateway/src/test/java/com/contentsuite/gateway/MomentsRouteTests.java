package com.contentsuite.gateway;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code moments} and {@code moment-files} routes (docs/api.md section 5): every
 * moments path reaches moments-service with a verified user, unchanged and only there;
 * its pictures under {@code /files/moments/} are served by it while every other file
 * stays with user-service; no internal endpoint is routed.
 */
class MomentsRouteTests extends GatewayTestBase {

	private static final int MIB = 1024 * 1024;

	private static final String MULTIPART = "multipart/form-data; boundary=xyz";

	private WebTestClient.ResponseSpec post(String path, String operationId, String token) {
		WebTestClient.RequestBodySpec request = client().post().uri(path).header("operationID", operationId);
		if (token != null) {
			request.header("token", token);
		}
		return request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
	}

	private EntityExchangeResult<byte[]> upload(String operationId, byte[] body) {
		return client().post()
			.uri("/chatx/moments/images")
			.header("operationID", operationId)
			.header("token", TestKeys.access("7", "s-moments"))
			.contentType(MediaType.parseMediaType(MULTIPART))
			.bodyValue(body)
			.exchange()
			.expectBody()
			.returnResult();
	}

	private static void assertOnlyMomentsReceived(String operationId) {
		assertThat(TestBackends.USERS.receivedWithOperation(operationId)).isEmpty();
		assertThat(TestBackends.ARTICLES.receivedWithOperation(operationId)).isEmpty();
		assertThat(TestBackends.PASSPORT.receivedWithOperation(operationId)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/chatx/moments/publish", "/chatx/moments/delete", "/chatx/moments/get",
			"/chatx/moments/feed", "/chatx/moments/user", "/chatx/moments/like", "/chatx/moments/likes",
			"/chatx/moments/comment/add", "/chatx/moments/comment/del" })
	void reachesMomentsServiceOnlyWithThePathUnchangedAndTheVerifiedUser(String path) {
		String operationId = uniqueOperationId();
		byte[] body = post(path, operationId, TestKeys.access("7", "s-moments")).expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();

		assertThat(json(body).path("data").path("path").asString()).isEqualTo(path);
		assertThat(TestBackends.MOMENTS.receivedWithOperation(operationId)).singleElement().satisfies((received) -> {
			assertThat(received.method()).isEqualTo("POST");
			assertThat(received.rawPath()).isEqualTo(path);
			assertThat(received.headerValues("X-User-ID")).containsExactly("7");
			assertThat(received.header("X-Internal-Auth")).isNotBlank();
		});
		assertOnlyMomentsReceived(operationId);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/chatx/moments/publish", "/chatx/moments/images", "/chatx/moments/feed",
			"/chatx/moments/like", "/chatx/moments/comment/add", "/chatx/moments/anything/else" })
	void refusesARequestWithoutToken(String path) {
		String operationId = uniqueOperationId();
		byte[] body = post(path, operationId, null).expectStatus()
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

	@Test
	void theBackendReceivesOnlyTheGatewaysUserIdNeverAForgedOne() {
		String operationId = uniqueOperationId();
		byte[] payload = "{\"postID\":\"5\",\"userID\":\"99\"}".getBytes();
		RawHttp.Response response = RawHttp.send(port,
				"POST /chatx/moments/like HTTP/1.1\r\nHost: gw\r\noperationID: " + operationId + "\r\ntoken: "
						+ TestKeys.access("7", "s-moments") + "\r\nuserID: 99\r\nUSERID: 98\r\n"
						+ "X-User-ID: 97\r\nx-user-id: 96\r\nX-Internal-Auth: v1:gateway:1:forged\r\n"
						+ "Content-Type: application/json\r\nContent-Length: " + payload.length,
				payload);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(TestBackends.MOMENTS.receivedWithOperation(operationId)).singleElement().satisfies((received) -> {
			assertThat(received.headerValues("X-User-ID")).containsExactly("7");
			assertThat(received.headers()).doesNotContainKey("userid");
			assertThat(received.headerValues("X-Internal-Auth")).singleElement()
				.satisfies((auth) -> assertThat(auth).doesNotContain("forged"));
		});
	}

	@Nested
	class Pictures {

		@Autowired
		RouteLocator routes;

		private EntityExchangeResult<byte[]> get(String path, String operationId) {
			return client().get().uri(path).header("operationID", operationId).exchange().expectBody().returnResult();
		}

		@Test
		void momentPicturesAreServedByMomentsServiceWithoutTokenOrOperationId() {
			String path = "/files/moments/7/" + "ab".repeat(32) + ".jpg";
			EntityExchangeResult<byte[]> result = client().get().uri(path).exchange().expectBody().returnResult();

			assertThat(result.getStatus().value()).isEqualTo(200);
			String operationId = result.getResponseHeaders().getFirst("operationID");
			assertThat(TestBackends.MOMENTS.receivedWithOperation(operationId)).singleElement()
				.satisfies((received) -> {
					assertThat(received.rawPath()).isEqualTo(path);
					assertThat(received.headers()).doesNotContainKey("x-user-id");
				});
			assertOnlyMomentsReceived(operationId);
		}

		@Test
		void theMomentFilesRouteIsTriedBeforeTheFilesRoute() {
			List<String> ids = this.routes.getRoutes().map(Route::getId).collectList().block();

			assertThat(ids).contains("moment-files", "files");
			assertThat(ids.indexOf("moment-files")).isLessThan(ids.indexOf("files"));
		}

		@Test
		void theMomentFilesRouteWinsOverTheFilesRouteWhileAvatarsStayWithUserService() {
			String moment = uniqueOperationId();
			assertThat(get("/files/moments/7/cd.png", moment).getStatus().value()).isEqualTo(200);
			assertThat(TestBackends.MOMENTS.receivedWithOperation(moment)).hasSize(1);
			assertThat(TestBackends.USERS.receivedWithOperation(moment)).isEmpty();

			for (String path : new String[] { "/files/avatars/7/ab.png", "/files/momentsx/7/ab.png",
					"/files/avatars/moments/ab.png" }) {
				String operationId = uniqueOperationId();
				assertThat(get(path, operationId).getStatus().value()).as(path).isEqualTo(200);
				assertThat(TestBackends.USERS.receivedWithOperation(operationId)).as(path).hasSize(1);
				assertThat(TestBackends.MOMENTS.receivedWithOperation(operationId)).as(path).isEmpty();
			}
		}

	}

	@Nested
	class BodyLimits {

		@Test
		void anUploadGetsTheMultipartLimit() {
			String operationId = uniqueOperationId();
			assertThat(upload(operationId, new byte[2 * MIB + 60 * 1024]).getStatus().value()).isEqualTo(200);
			assertThat(TestBackends.MOMENTS.receivedWithOperation(operationId)).singleElement()
				.satisfies((received) -> assertThat(received.bodyBytes()).isEqualTo(2 * MIB + 60 * 1024));

			String tooLarge = uniqueOperationId();
			EntityExchangeResult<byte[]> refused = upload(tooLarge, new byte[2 * MIB + 65 * 1024]);
			assertThat(refused.getStatus().value()).isEqualTo(413);
			EnvelopeTests.assertEnvelope(413, 1001, "ArgsError", new String(refused.getResponseBody()));
			assertThat(reachedABackend(tooLarge)).isFalse();
		}

		@Test
		void aJsonBodyGetsTheJsonLimit() {
			byte[] body = new byte[MIB + 1];
			Arrays.fill(body, (byte) ' ');
			body[0] = '{';
			body[MIB] = '}';
			String operationId = uniqueOperationId();
			EntityExchangeResult<byte[]> refused = client().post()
				.uri("/chatx/moments/publish")
				.header("operationID", operationId)
				.header("token", TestKeys.access("7", "s-moments"))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.expectBody()
				.returnResult();

			assertThat(refused.getStatus().value()).isEqualTo(413);
			EnvelopeTests.assertEnvelope(413, 1001, "ArgsError", new String(refused.getResponseBody()));
			assertThat(reachedABackend(operationId)).isFalse();
		}

	}

	@ParameterizedTest
	@ValueSource(strings = { "/internal/moments/posts", "/internal/moments/7/feed", "/chatx/internal/moments",
			"/moments/feed", "/chatx/moment/feed", "/chatx/momentsx", "/chatx/feed", "/v1/chatx/moments/feed" })
	void internalAndLookAlikePathsAreNotRouted(String path) {
		for (String method : new String[] { "GET", "POST" }) {
			String operationId = uniqueOperationId();
			WebTestClient.RequestBodySpec request = client().method(HttpMethod.valueOf(method))
				.uri(path)
				.header("operationID", operationId)
				.header("token", TestKeys.access("7", "s-moments"));
			if (method.equals("POST")) {
				request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
			}
			byte[] body = request.exchange().expectStatus().isNotFound().expectBody().returnResult().getResponseBody();

			JsonNode envelope = json(body);
			assertThat(envelope.path("errCode").asInt()).as("%s %s", method, path).isEqualTo(1004);
			assertThat(envelope.path("errMsg").asString()).isEqualTo("RecordNotFoundError");
			assertThat(reachedABackend(operationId)).as("%s %s reached a backend", method, path).isFalse();
		}
	}

	/**
	 * A context of its own whose moments-service listens nowhere (Spring injects the
	 * enclosing instance from it too): the moments routes answer 503 1006 and the others
	 * carry on.
	 */
	@Nested
	class WhenMomentsServiceIsDown {

		@DynamicPropertySource
		static void momentsNowhere(DynamicPropertyRegistry registry) {
			registry.add("spring.cloud.discovery.client.simple.instances.moments-service[0].uri",
					() -> "http://127.0.0.1:" + Ports.closed());
		}

		private static void assertUnavailable(EntityExchangeResult<byte[]> result) {
			String body = new String(result.getResponseBody());
			assertThat(result.getStatus().value()).as(body).isEqualTo(503);
			EnvelopeTests.assertEnvelope(503, 1006, "ServiceUnavailableError", body);
			// The call to moments-service failed, not the token check.
			assertThat(json(body).path("errDlt").asString()).isEqualTo("service unavailable, try again later");
		}

		@Test
		void aMomentsRouteIs503InTheEnvelope() {
			assertUnavailable(client().post()
				.uri("/chatx/moments/feed")
				.header("operationID", uniqueOperationId())
				.header("token", TestKeys.access("7", "s-moments-down"))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"pagination\":{\"pageNumber\":1,\"showNumber\":20}}")
				.exchange()
				.expectBody()
				.returnResult());
		}

		@Test
		void aMomentPictureIs503WhileAvatarsAreStillServed() {
			assertUnavailable(client().get()
				.uri("/files/moments/7/ab.png")
				.header("operationID", uniqueOperationId())
				.exchange()
				.expectBody()
				.returnResult());

			String operationId = uniqueOperationId();
			client().get()
				.uri("/files/avatars/7/ab.png")
				.header("operationID", operationId)
				.exchange()
				.expectStatus()
				.isOk();
			assertThat(TestBackends.USERS.receivedWithOperation(operationId)).hasSize(1);
		}

	}

}
