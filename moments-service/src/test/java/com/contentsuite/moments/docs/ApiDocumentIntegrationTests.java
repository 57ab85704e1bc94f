package com.contentsuite.moments.docs;

import com.contentsuite.moments.MomentsServiceIntegrationTest;
import com.contentsuite.testsupport.ApiDocument;
import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * moments-service's OpenAPI document (docs/api.md section 6): valid, exactly the public
 * routes of section 5 with the envelope, their error codes and examples, no internal
 * route; the picture upload is multipart with its part {@code image}.
 */
class ApiDocumentIntegrationTests extends MomentsServiceIntegrationTest {

	@Test
	void documentsEveryPublicRouteWithTheEnvelope() throws Exception {
		ApiDocument document = ApiDocument.fetch(this.api);
		assertThat(document.problems()).isEmpty();
		assertThat(document.routes()).containsExactlyInAnyOrder("POST /chatx/moments/publish",
				"POST /chatx/moments/images", "POST /chatx/moments/delete", "POST /chatx/moments/get",
				"POST /chatx/moments/feed", "POST /chatx/moments/user", "POST /chatx/moments/like",
				"POST /chatx/moments/likes", "POST /chatx/moments/comment/add", "POST /chatx/moments/comment/del",
				"GET /files/{key}");
		assertThat(document.errorCodes("POST", "/chatx/moments/like")).contains(1004);
		assertThat(document.errorCodes("POST", "/chatx/moments/comment/add")).contains(1001, 1003, 1004, 1005, 1302);
		assertThat(document.errorCodes("POST", "/chatx/moments/delete")).contains(1002, 1004);
	}

	@Test
	void thePictureIsOneMultipartPartNamedImage() {
		ApiDocument document = ApiDocument.fetch(this.api);
		var content = document.operation("POST", "/chatx/moments/images").getRequestBody().getContent();
		assertThat(content.keySet()).containsExactly("multipart/form-data");
		Schema<?> schema = content.get("multipart/form-data").getSchema();
		assertThat(schema.getProperties()).containsOnlyKeys("image");
		assertThat(schema.getRequired()).containsExactly("image");
	}

}
