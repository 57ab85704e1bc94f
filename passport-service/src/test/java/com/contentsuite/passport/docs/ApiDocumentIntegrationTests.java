package com.contentsuite.passport.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.contentsuite.passport.PassportClient.Answer;
import com.contentsuite.passport.PassportIntegrationTest;
import com.contentsuite.testsupport.ApiDocument;
import io.swagger.v3.oas.models.media.Content;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * passport-service's OpenAPI document (docs/api.md section 6): valid, exactly the public
 * routes of section 2 with the envelope, their error codes and examples, no internal
 * route; the captcha answers the image itself and may omit operationID.
 */
class ApiDocumentIntegrationTests extends PassportIntegrationTest {

	@Test
	void documentsEveryPublicRouteWithTheEnvelope() throws Exception {
		Answer answer = this.client.send("GET", "/v3/api-docs", null, null, Map.of());
		String body = answer.raw().body();
		assertThat(answer.status()).as(body).isEqualTo(200);
		Files.writeString(Path.of("target", "api-docs.json"), body);
		ApiDocument document = ApiDocument.parse(body);
		assertThat(document.problems()).isEmpty();
		assertThat(document.routes()).containsExactlyInAnyOrder("GET /passport/image_code",
				"POST /passport/check_mobile", "POST /passport/register", "POST /passport/login",
				"POST /passport/refresh", "POST /passport/logout", "PUT /passport/password", "PUT /passport/username",
				"GET /passport/jwks");
		assertThat(document.errorCodes("POST", "/passport/register")).contains(1003, 1005, 20003, 20004, 20006, 20007);
		assertThat(document.errorCodes("POST", "/passport/login")).contains(1005, 20001);
		assertThat(document.errorCodes("POST", "/passport/refresh")).contains(1501, 1502, 1503, 1506);
		assertThat(document.errorCodes("PUT", "/passport/username")).contains(20004);
	}

	@Test
	void theCaptchaIsAPngThatMayOmitTheOperationId() throws Exception {
		Answer answer = this.client.send("GET", "/v3/api-docs", null, null, Map.of());
		ApiDocument document = ApiDocument.parse(answer.raw().body());
		var captcha = document.operation("GET", "/passport/image_code");
		Content ok = captcha.getResponses().get("200").getContent();
		assertThat(ok.keySet()).containsExactly("image/png");
		assertThat(captcha.getParameters()).filteredOn((p) -> "operationID".equals(p.getName()))
			.singleElement()
			.satisfies((p) -> assertThat(p.getRequired()).isFalse());
		assertThat(document.operation("POST", "/passport/login").getParameters())
			.filteredOn((p) -> "operationID".equals(p.getName()))
			.singleElement()
			.satisfies((p) -> assertThat(p.getRequired()).isTrue());
	}

}
