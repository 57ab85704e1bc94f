package com.contentsuite.gateway;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API documents through the gateway (docs/api.md section 6): each service's at
 * {@code /v3/api-docs/{service}}, forwarded signed to the service's {@code /v3/api-docs};
 * the gateway's own; the Swagger UI page listing all five. Auth {@code none}, and no
 * {@code operationID} needed.
 */
class ApiDocsTests extends GatewayTestBase {

	@Test
	void forwardsEachServicesDocumentToItsV3ApiDocsWithoutAnOperationId() {
		String[][] services = { { "passport", "PASSPORT" }, { "users", "USERS" }, { "articles", "ARTICLES" },
				{ "moments", "MOMENTS" } };
		for (String[] service : services) {
			byte[] body = client().get()
				.uri("/v3/api-docs/" + service[0])
				.header("token", "not-even-a-jwt")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.exists("operationID")
				.expectBody()
				.returnResult()
				.getResponseBody();
			JsonNode echoed = json(body).path("data");
			assertThat(echoed.path("path").asString()).as(service[0]).isEqualTo("/v3/api-docs");
			assertThat(echoed.path("method").asString()).isEqualTo("GET");
			// Signed like every forwarded request: the service port answers nothing
			// unsigned.
			assertThat(echoed.path("headers").toString()).containsIgnoringCase("x-internal-auth");
		}
		assertThat(TestBackends.ARTICLES.received()
			.stream()
			.filter((request) -> request.rawPath().equals("/v3/api-docs"))
			.count()).isPositive();
	}

	@Test
	void servesItsOwnDocumentAndTheSwaggerUiConfigListingAllFive() {
		byte[] own = okBody("/v3/api-docs/gateway");
		JsonNode document = json(own);
		assertThat(document.path("openapi").asString()).startsWith("3.");
		assertThat(document.path("paths").has("/actuator/health")).as(document.toString()).isTrue();

		byte[] config = okBody("/v3/api-docs/gateway/swagger-config");
		List<String> urls = new ArrayList<>();
		json(config).path("urls").forEach((url) -> urls.add(url.path("url").asString()));
		assertThat(urls).containsExactlyInAnyOrder("/v3/api-docs/passport", "/v3/api-docs/users",
				"/v3/api-docs/articles", "/v3/api-docs/moments", "/v3/api-docs/gateway");
	}

	@Test
	void servesTheSwaggerUiPage() {
		EntityExchangeResult<byte[]> redirect = client().get()
			.uri("/swagger-ui.html")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectBody()
			.returnResult();
		String location = redirect.getResponseHeaders().getLocation().toString();
		byte[] page = client().get()
			.uri(location)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(new String(page)).containsIgnoringCase("swagger-ui");
	}

	@Test
	void routesNothingElseUnderTheDocuments() {
		for (String[] request : new String[][] { { "POST", "/v3/api-docs/articles" },
				{ "GET", "/v3/api-docs/articles/extra" }, { "GET", "/v3/api-docs/nowhere" } }) {
			byte[] body = client().method(org.springframework.http.HttpMethod.valueOf(request[0]))
				.uri(request[1])
				.header("operationID", OPERATION_ID)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody()
				.returnResult()
				.getResponseBody();
			assertThat(json(body).path("errCode").asInt()).as(request[1]).isEqualTo(1004);
		}
	}

	/**
	 * A GET without operationID or token, as a browser sends it, that must answer 200.
	 */
	private byte[] okBody(String uri) {
		return client().get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
	}

}
