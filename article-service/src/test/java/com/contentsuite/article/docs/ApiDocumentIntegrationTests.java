package com.contentsuite.article.docs;

import java.nio.file.Files;
import java.nio.file.Path;

import com.contentsuite.article.ArticleServiceIntegrationTest;
import com.contentsuite.testsupport.ApiDocument;
import com.contentsuite.testsupport.ServiceApi.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * article-service's OpenAPI document (docs/api.md section 6): valid, every public route
 * of section 4 in it with the envelope, its error codes and examples, no internal route.
 */
class ApiDocumentIntegrationTests extends ArticleServiceIntegrationTest {

	@Test
	void documentsEveryPublicRouteWithTheEnvelope() throws Exception {
		Reply reply = this.api.get("/v3/api-docs", null);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		Files.writeString(Path.of("target", "api-docs.json"), reply.body());
		ApiDocument document = ApiDocument.parse(reply.body());
		assertThat(document.problems()).isEmpty();
	}

}
