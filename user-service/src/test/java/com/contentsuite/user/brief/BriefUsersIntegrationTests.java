package com.contentsuite.user.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import com.contentsuite.testsupport.ServiceApi.Reply;
import com.contentsuite.user.UserServiceIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class BriefUsersIntegrationTests extends UserServiceIntegrationTest {

	private Reply batch(String userIds) {
		return this.api.internal("/internal/users/batch", "{\"userIDs\": " + userIds + "}");
	}

	private static List<String> ids(Reply reply) {
		List<String> ids = new ArrayList<>();
		reply.data().get("list").forEach((user) -> ids.add(user.get("userID").stringValue()));
		return ids;
	}

	@Nested
	class Batch {

		@Test
		void answersBriefUsersInTheOrderAskedLeavingUnknownIdsOut() {
			long first = syncedUser();
			long second = syncedUser();
			long unknown = newUserId();
			BriefUsersIntegrationTests.this.api.put("/users/me", second, "{\"nickname\": \"Second\"}");

			Reply reply = batch("[\"%d\", %d, \"%d\"]".formatted(second, unknown, first));

			assertThat(reply.status()).isEqualTo(200);
			assertThat(ids(reply)).containsExactly(Long.toString(second), Long.toString(first));
			JsonNode user = reply.data().get("list").get(0);
			assertThat(user.propertyNames()).containsExactly("userID", "username", "nickname", "avatarUrl");
			assertThat(user.get("username").stringValue()).isEqualTo("u" + second);
			assertThat(user.get("nickname").stringValue()).isEqualTo("Second");
			assertThat(user.get("avatarUrl").stringValue()).isEmpty();
		}

		@Test
		void listsAUserAskedTwiceOnceWhereFirstAsked() {
			long first = syncedUser();
			long second = syncedUser();

			Reply reply = batch("[%d, %d, %d]".formatted(second, first, second));

			assertThat(ids(reply)).containsExactly(Long.toString(second), Long.toString(first));
		}

		@Test
		void answersAnEmptyListWhenNoIdIsKnown() {
			Reply reply = batch("[\"%d\"]".formatted(newUserId()));

			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.data().get("list").isEmpty()).isTrue();
		}

		@Test
		void takesOneHundredIdsAndRefusesOneHundredAndOne() {
			long known = syncedUser();
			List<Long> hundred = LongStream.rangeClosed(1, 99)
				.map((i) -> known + 1_000_000 + i)
				.boxed()
				.collect(Collectors.toCollection(ArrayList::new));
			hundred.add(0, known);

			Reply ok = batch(hundred.toString());
			hundred.add(known + 2_000_000);
			Reply tooMany = batch(hundred.toString());

			assertThat(ok.status()).isEqualTo(200);
			assertThat(ids(ok)).containsExactly(Long.toString(known));
			assertThat(tooMany.status()).isEqualTo(400);
			assertThat(tooMany.errCode()).isEqualTo(1001);
			assertThat(tooMany.errDlt()).startsWith("userIDs ");
		}

		@ParameterizedTest
		@ValueSource(strings = { "[]", "null", "\"7\"", "{\"a\": 1}", "[\"7\", \"x\"]", "[\"7\", null]", "[\"-3\"]",
				"[{\"id\": 7}]" })
		void refusesAMissingEmptyOrInvalidListWith1001(String userIds) {
			Reply reply = batch(userIds);

			assertThat(reply.status()).as(reply.body()).isEqualTo(400);
			assertThat(reply.errCode()).isEqualTo(1001);
			assertThat(reply.errDlt()).startsWith("userIDs");
		}

		@Test
		void refusesABodyWithoutUserIdsWith1001() {
			Reply reply = BriefUsersIntegrationTests.this.api.internal("/internal/users/batch", "{}");

			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.errDlt()).isEqualTo("userIDs is required");
		}

	}

}
