package com.contentsuite.user.docs;

import com.contentsuite.testsupport.ApiDocument;
import com.contentsuite.user.UserServiceIntegrationTest;
import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * user-service's OpenAPI document (docs/api.md section 6): valid, exactly the public
 * routes of sections 3 and 7 with the envelope, their error codes and examples, no
 * internal route; the avatar upload is multipart with its part {@code avatar}.
 */
class ApiDocumentIntegrationTests extends UserServiceIntegrationTest {

	@Test
	void documentsEveryPublicRouteWithTheEnvelope() throws Exception {
		ApiDocument document = ApiDocument.fetch(this.api);
		assertThat(document.problems()).isEmpty();
		assertThat(document.routes()).containsExactlyInAnyOrder("GET /users/me", "PUT /users/me", "GET /users/{userID}",
				"POST /users/avatar", "GET /users/auth", "POST /users/auth", "POST /users/followings",
				"DELETE /users/followings/{target}", "GET /users/followings", "GET /users/followers",
				"POST /users/blacklist", "DELETE /users/blacklist/{target}", "GET /users/blacklist", "GET /files/{key}",
				"GET /users/notifications", "GET /users/notifications/unread", "POST /users/notifications/read");
		assertThat(document.errorCodes("POST", "/users/followings")).contains(1004, 1301, 1302);
		assertThat(document.errorCodes("POST", "/users/auth")).contains(1003);
		assertThat(document.errorCodes("POST", "/users/notifications/read")).contains(1004);
		// Undoing a follow that is not there is a success, not 1004.
		assertThat(document.errorCodes("DELETE", "/users/followings/{target}")).contains(1301).doesNotContain(1004);
	}

	@Test
	void theAvatarIsOneMultipartPartNamedAvatar() {
		ApiDocument document = ApiDocument.fetch(this.api);
		var content = document.operation("POST", "/users/avatar").getRequestBody().getContent();
		assertThat(content.keySet()).containsExactly("multipart/form-data");
		Schema<?> schema = content.get("multipart/form-data").getSchema();
		assertThat(schema.getProperties()).containsOnlyKeys("avatar");
		assertThat(schema.getRequired()).containsExactly("avatar");
	}

}
