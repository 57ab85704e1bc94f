package com.contentsuite.article.docs;

import java.util.Map;

import com.contentsuite.article.ArticleServiceIntegrationTest;
import com.contentsuite.testsupport.ApiDocument;
import com.contentsuite.testsupport.ServiceApi.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * article-service's OpenAPI document (docs/api.md section 6): valid, exactly the public
 * routes of section 4 with the envelope, their error codes and examples, no internal
 * route; and only through the gateway, like every other path of the service port.
 */
class ApiDocumentIntegrationTests extends ArticleServiceIntegrationTest {

	@Test
	void documentsEveryPublicRouteWithTheEnvelope() throws Exception {
		ApiDocument document = ApiDocument.fetch(this.api);
		assertThat(document.problems()).isEmpty();
		assertThat(document.routes()).containsExactlyInAnyOrder("POST /articles", "GET /articles/{articleID}",
				"PUT /articles/{articleID}", "DELETE /articles/{articleID}", "GET /articles/new", "GET /articles/hot",
				"GET /articles/mine", "GET /articles/likes", "GET /articles/collections",
				"GET /articles/users/{userID}", "PUT /articles/{articleID}/likes",
				"PUT /articles/{articleID}/collections", "PUT /articles/{articleID}/hits",
				"POST /articles/{articleID}/comments", "GET /articles/{articleID}/comments",
				"DELETE /articles/{articleID}/comments/{commentID}");
		assertThat(document.errorCodes("PUT", "/articles/{articleID}/likes")).contains(1004, 1302);
		assertThat(document.errorCodes("PUT", "/articles/{articleID}")).contains(1002, 1004);
		assertThat(document.errorCodes("POST", "/articles/{articleID}/comments")).contains(1003, 1004, 1005, 1302);
		// An optional route: a bad token is refused at the gateway.
		assertThat(document.errorCodes("GET", "/articles/{articleID}/comments")).contains(1501, 1502, 1503, 1506);
	}

	@Test
	void theDocumentIsRefusedWithoutTheGatewaysSignature() {
		Reply reply = this.api.sendWithHeaders("GET", "/v3/api-docs", Map.of("operationID", "unsigned-docs-1"), null);
		assertThat(reply.status()).as(reply.body()).isEqualTo(403);
		assertThat(reply.errCode()).isEqualTo(1002);
		assertThat(reply.body()).doesNotContain("openapi");
	}

}
