package com.contentsuite.user.profile;

import java.util.List;

import com.contentsuite.testsupport.ServiceApi.Reply;
import com.contentsuite.user.UserServiceIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class OwnProfileIntegrationTests extends UserServiceIntegrationTest {

	private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

	@Nested
	class GetMe {

		@Test
		void answersTheSignedInUsersOwnProfile() {
			long userId = newUserId();
			OwnProfileIntegrationTests.this.api.sync(userId, "alice" + userId, "13800138000", "Alice", 1);

			Reply reply = OwnProfileIntegrationTests.this.api.get("/users/me", userId);

			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.errCode()).isZero();
			JsonNode data = reply.data();
			assertThat(data.propertyNames()).containsExactly("userID", "username", "nickname", "mobile", "avatarUrl",
					"signature", "sex", "birthDate", "followingCount", "followerCount", "verified", "createTime");
			assertThat(data.get("userID").isString()).isTrue();
			assertThat(data.get("userID").stringValue()).isEqualTo(Long.toString(userId));
			assertThat(data.get("username").stringValue()).isEqualTo("alice" + userId);
			assertThat(data.get("nickname").stringValue()).isEqualTo("Alice");
			assertThat(data.get("mobile").stringValue()).isEqualTo("138****8000");
			assertThat(data.get("avatarUrl").stringValue()).isEmpty();
			assertThat(data.get("signature").stringValue()).isEmpty();
			assertThat(data.get("sex").intValue()).isZero();
			assertThat(data.get("birthDate").isNull()).isTrue();
			assertThat(data.get("followingCount").longValue()).isZero();
			assertThat(data.get("followerCount").longValue()).isZero();
			assertThat(data.get("verified").booleanValue()).isFalse();
			assertThat(data.get("createTime").stringValue()).matches(TIME);
		}

		@Test
		void showsAMobileOnlyAccountWithoutUsername() {
			long userId = newUserId();
			OwnProfileIntegrationTests.this.api.sync(userId, null, "139****0001", "139****0001", 1);

			JsonNode data = OwnProfileIntegrationTests.this.api.get("/users/me", userId).data();

			assertThat(data.get("username").isNull()).isTrue();
			assertThat(data.get("nickname").stringValue()).isEqualTo("139****0001");
		}

		@Test
		void withoutATokenIsRefusedWith401() {
			Reply reply = OwnProfileIntegrationTests.this.api.get("/users/me", null);

			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.errCode()).isEqualTo(1001);
			assertThat(reply.errDlt()).isEqualTo("token is empty");
			assertThat(reply.json().has("data")).isFalse();
		}

		@Test
		void forAUserPassportHasNotSyncedYetAnswers1004() {
			Reply reply = OwnProfileIntegrationTests.this.api.get("/users/me", newUserId());

			assertThat(reply.status()).isEqualTo(404);
			assertThat(reply.errCode()).isEqualTo(1004);
		}

	}

	@Nested
	class PutMe {

		@Test
		void changesTheSentFieldsAndAnswersTheOwnProfile() {
			long userId = syncedUser();
			String body = """
					{"nickname": "Bob 🐱", "signature": "hello", "sex": 1, "birthDate": "1990-05-17"}""";

			Reply reply = OwnProfileIntegrationTests.this.api.put("/users/me", userId, body);

			assertThat(reply.status()).isEqualTo(200);
			JsonNode data = reply.data();
			assertThat(data.get("userID").stringValue()).isEqualTo(Long.toString(userId));
			assertThat(data.get("nickname").stringValue()).isEqualTo("Bob 🐱");
			assertThat(data.get("signature").stringValue()).isEqualTo("hello");
			assertThat(data.get("sex").intValue()).isEqualTo(1);
			assertThat(data.get("birthDate").stringValue()).isEqualTo("1990-05-17");
			assertThat(data.get("mobile").stringValue()).isEqualTo("138****8000");
			assertThat(OwnProfileIntegrationTests.this.api.get("/users/me", userId).data()).isEqualTo(data);
		}

		@Test
		void leavesAbsentFieldsUnchanged() {
			long userId = syncedUser();
			OwnProfileIntegrationTests.this.api.put("/users/me", userId,
					"{\"nickname\": \"First\", \"signature\": \"sig\", \"sex\": 2, \"birthDate\": \"2000-01-02\"}");

			Reply reply = OwnProfileIntegrationTests.this.api.put("/users/me", userId, "{\"signature\": \"changed\"}");

			JsonNode data = OwnProfileIntegrationTests.this.api.get("/users/me", userId).data();
			assertThat(reply.data()).isEqualTo(data);
			assertThat(data.get("nickname").stringValue()).isEqualTo("First");
			assertThat(data.get("signature").stringValue()).isEqualTo("changed");
			assertThat(data.get("sex").intValue()).isEqualTo(2);
			assertThat(data.get("birthDate").stringValue()).isEqualTo("2000-01-02");
		}

		@Test
		void withAnEmptyObjectChangesNothing() {
			long userId = syncedUser();
			JsonNode before = OwnProfileIntegrationTests.this.api.get("/users/me", userId).data();

			Reply reply = OwnProfileIntegrationTests.this.api.put("/users/me", userId, "{}");

			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.data()).isEqualTo(before);
		}

		@Test
		void ignoresFieldsTheServerOwns() {
			long userId = syncedUser();
			long otherUser = newUserId();
			JsonNode before = OwnProfileIntegrationTests.this.api.get("/users/me", userId).data();
			String body = """
					{"userID": "%d", "username": "mallory", "mobile": "13900000000", "verified": true,
					 "avatarUrl": "http://evil.example/x.png", "followingCount": 99, "followerCount": 99,
					 "createTime": "2001-01-01T00:00:00.000Z", "nickname": "Kept"}""".formatted(otherUser);

			Reply reply = OwnProfileIntegrationTests.this.api.put("/users/me", userId, body);

			assertThat(reply.status()).isEqualTo(200);
			JsonNode after = OwnProfileIntegrationTests.this.api.get("/users/me", userId).data();
			assertThat(after.get("nickname").stringValue()).isEqualTo("Kept");
			for (String owned : List.of("userID", "username", "mobile", "verified", "avatarUrl", "followingCount",
					"followerCount", "createTime")) {
				assertThat(after.get(owned)).as(owned).isEqualTo(before.get(owned));
			}
			assertThat(OwnProfileIntegrationTests.this.api.get("/users/me", otherUser).status()).isEqualTo(404);
		}

		@Test
		void withoutATokenIsRefusedWith401() {
			Reply reply = OwnProfileIntegrationTests.this.api.put("/users/me", null, "{\"nickname\": \"x\"}");

			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.errCode()).isEqualTo(1001);
			assertThat(reply.errDlt()).isEqualTo("token is empty");
		}

		@Test
		void forAUserPassportHasNotSyncedYetAnswers1004() {
			Reply reply = OwnProfileIntegrationTests.this.api.put("/users/me", newUserId(), "{\"nickname\": \"x\"}");

			assertThat(reply.status()).isEqualTo(404);
			assertThat(reply.errCode()).isEqualTo(1004);
		}

	}

}
