package com.contentsuite.gateway;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code articles} route (docs/api.md section 4): every article path reaches
 * article-service, unchanged and only there; its internal endpoints never do.
 */
class ArticleRouteTests extends GatewayTestBase {

	private WebTestClient.ResponseSpec call(String method, String path, String operationId) {
		WebTestClient.RequestBodySpec request = client().method(HttpMethod.valueOf(method))
			.uri(path)
			.header("operationID", operationId)
			.header("token", TestKeys.access("7", "s-articles"));
		if (method.equals("POST") || method.equals("PUT")) {
			request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
		}
		return request.exchange();
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "POST, /articles", "GET, /articles/5", "PUT, /articles/5", "DELETE, /articles/5", "GET, /articles/new",
			"GET, /articles/hot", "GET, /articles/mine", "GET, /articles/likes", "GET, /articles/collections",
			"GET, /articles/users/5", "PUT, /articles/5/likes", "PUT, /articles/5/collections", "PUT, /articles/5/hits",
			"POST, /articles/5/comments", "GET, /articles/5/comments?page=2&size=10",
			"DELETE, /articles/5/comments/9" })
	void reachesArticleServiceOnlyWithThePathUnchanged(String method, String pathAndQuery) {
		String operationId = uniqueOperationId();
		byte[] body = call(method, pathAndQuery, operationId).expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();

		String path = pathAndQuery.replaceFirst("\\?.*", "");
		assertThat(json(body).path("data").path("path").asString()).isEqualTo(path);
		assertThat(TestBackends.ARTICLES.receivedWithOperation(operationId)).singleElement().satisfies((received) -> {
			assertThat(received.method()).isEqualTo(method);
			assertThat(received.rawPath()).isEqualTo(path);
			assertThat(received.header("X-User-ID")).isEqualTo("7");
			assertThat(received.header("X-Internal-Auth")).isNotBlank();
		});
		assertThat(TestBackends.USERS.receivedWithOperation(operationId)).isEmpty();
		assertThat(TestBackends.PASSPORT.receivedWithOperation(operationId)).isEmpty();
	}

	@Test
	void createsAnArticleWithItsBodyAndIdempotencyKey() {
		String operationId = uniqueOperationId();
		String article = "{\"title\":\"Hello\",\"content\":\"# Hello\\n\\nworld\"}";
		byte[] body = client().post()
			.uri("/articles")
			.header("operationID", operationId)
			.header("token", TestKeys.access("7", "s-articles"))
			.header("Idempotency-Key", "create-article-1")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(article)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();

		JsonNode data = json(body).path("data");
		assertThat(data.path("method").asString()).isEqualTo("POST");
		assertThat(data.path("path").asString()).isEqualTo("/articles");
		assertThat(data.path("bodyBytes").asLong()).isEqualTo(article.getBytes(StandardCharsets.UTF_8).length);
		assertThat(data.path("headers").path("idempotency-key").get(0).asString()).isEqualTo("create-article-1");
		assertThat(data.path("headers").path("x-user-id").get(0).asString()).isEqualTo("7");
		assertThat(TestBackends.ARTICLES.receivedWithOperation(operationId)).hasSize(1);
	}

	@Test
	void forwardsTheViewerOfAValidTokenOnAnOptionalRoute() {
		String operationId = uniqueOperationId();
		byte[] body = call("GET", "/articles/hot", operationId).expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(json(body).path("data").path("headers").path("x-user-id").get(0).asString()).isEqualTo("7");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/internal/users/batch", "/internal/users/blacklist/check", "/internal/articles/5",
			"/articlesx", "/article/5", "/v1/articles/5" })
	void internalAndLookAlikePathsAreNotRouted(String path) {
		for (String method : new String[] { "GET", "POST" }) {
			String operationId = uniqueOperationId();
			byte[] body = call(method, path, operationId).expectStatus()
				.isNotFound()
				.expectBody()
				.returnResult()
				.getResponseBody();
			JsonNode envelope = json(body);
			assertThat(envelope.path("errCode").asInt()).as("%s %s", method, path).isEqualTo(1004);
			assertThat(envelope.path("errMsg").asString()).isEqualTo("RecordNotFoundError");
			assertThat(reachedABackend(operationId)).as("%s %s reached a backend", method, path).isFalse();
		}
	}

}
