package com.contentsuite.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code SUITE_API_DOCS_ENABLED=false}: every document path, the services' included, and
 * the Swagger UI page are unknown routes, and no service is asked.
 */
@TestPropertySource(properties = "SUITE_API_DOCS_ENABLED=false")
class ApiDocsOffTests extends GatewayTestBase {

	@Test
	void answersEveryDocumentPathAsAnUnknownRoute() {
		for (String path : new String[] { "/v3/api-docs/articles", "/v3/api-docs/passport", "/v3/api-docs/gateway",
				"/v3/api-docs/gateway/swagger-config", "/swagger-ui.html", "/webjars/swagger-ui/index.html" }) {
			String operationId = uniqueOperationId();
			byte[] body = client().get()
				.uri(path)
				.header("operationID", operationId)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody()
				.returnResult()
				.getResponseBody();
			assertThat(json(body).path("errCode").asInt()).as(path).isEqualTo(1004);
			assertThat(reachedABackend(operationId)).as(path).isFalse();
		}
	}

}
