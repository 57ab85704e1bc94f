package com.contentsuite.user.profile;

import com.contentsuite.testsupport.ServiceApi.Reply;
import com.contentsuite.user.UserServiceIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class PublicProfileIntegrationTests extends UserServiceIntegrationTest {

	@Nested
	class GetUser {

		@Test
		void showsAnAnonymousViewerTheProfileWithoutMobileVerifiedOrFollowed() {
			long userId = syncedUser();
			PublicProfileIntegrationTests.this.api.put("/users/me", userId,
					"{\"nickname\": \"Carol\", \"signature\": \"hi\", \"sex\": 2, \"birthDate\": \"1985-03-04\"}");
			JsonNode own = PublicProfileIntegrationTests.this.api.get("/users/me", userId).data();

			Reply reply = PublicProfileIntegrationTests.this.api.get("/users/" + userId, null);

			assertThat(reply.status()).isEqualTo(200);
			JsonNode data = reply.data();
			assertThat(data.propertyNames()).containsExactly("userID", "username", "nickname", "avatarUrl", "signature",
					"sex", "birthDate", "followingCount", "followerCount", "createTime");
			for (String field : data.propertyNames()) {
				assertThat(data.get(field)).as(field).isEqualTo(own.get(field));
			}
			assertThat(data.get("nickname").stringValue()).isEqualTo("Carol");
		}

		@Test
		void showsASignedInViewerWhetherTheyFollowTheUser() {
			long userId = syncedUser();
			long viewer = syncedUser();

			JsonNode data = PublicProfileIntegrationTests.this.api.get("/users/" + userId, viewer).data();

			assertThat(data.has("mobile")).isFalse();
			assertThat(data.has("verified")).isFalse();
			assertThat(data.get("followed").isBoolean()).isTrue();
			assertThat(data.get("followed").booleanValue()).isFalse();
		}

		@Test
		void answers1004ForAnUnknownUser() {
			Reply reply = PublicProfileIntegrationTests.this.api.get("/users/" + newUserId(), null);

			assertThat(reply.status()).isEqualTo(404);
			assertThat(reply.errCode()).isEqualTo(1004);
			assertThat(reply.json().has("data")).isFalse();
		}

		@ParameterizedTest
		@ValueSource(strings = { "abc", "-5", "0", "1.5", "12345678901234567890", "%20" })
		void answers1001NamingUserIdForANonNumericId(String userId) {
			Reply reply = PublicProfileIntegrationTests.this.api.get("/users/" + userId, null);

			assertThat(reply.status()).as(reply.body()).isEqualTo(400);
			assertThat(reply.errCode()).isEqualTo(1001);
			assertThat(reply.errDlt()).startsWith("userID ");
		}

	}

}
