package com.contentsuite.userclient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import com.contentsuite.userclient.UserServiceStub.Answer;
import com.contentsuite.userclient.UserServiceStub.Call;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class BriefUsersIntegrationTests extends UserClientIntegrationTest {

	private static final String BATCH = "/internal/users/batch";

	@Autowired
	private BriefUsers briefUsers;

	/** user-service knows every asked ID above 0 whose last digit is not 9. */
	static Answer known(JsonNode body) {
		List<String> list = new ArrayList<>();
		for (JsonNode id : body.get("userIDs")) {
			String userId = id.asString();
			if (!userId.endsWith("9")) {
				list.add(
						"{\"userID\":\"%s\",\"username\":\"u%s\",\"nickname\":\"n%s\",\"avatarUrl\":\"a%s\",\"extra\":1}"
							.formatted(userId, userId, userId, userId));
			}
		}
		return Answer.ok("{\"list\":[" + String.join(",", list) + "]}");
	}

	@Test
	void answersEveryIdAskedAndEmptyNamesForUnknownOnesInOneSignedCall() {
		USERS.answer(BATCH, BriefUsersIntegrationTests::known);

		Map<Long, BriefUser> users = this.briefUsers.of(List.of(7L, 19L, 7L));

		assertThat(users).containsOnlyKeys(7L, 19L);
		assertThat(users.get(7L)).isEqualTo(new BriefUser("7", "u7", "n7", "a7"));
		assertThat(users.get(19L)).isEqualTo(BriefUser.unknown(19));
		List<Call> calls = USERS.calls(BATCH);
		assertThat(calls).hasSize(1);
		assertThat(calls.get(0).body().get("userIDs")).hasSize(2);
		assertThat(calls.get(0).signature()).startsWith("v1:user-client-tests:");
	}

	@Test
	void asksOncePerHundredDistinctIds() {
		USERS.answer(BATCH, BriefUsersIntegrationTests::known);

		Map<Long, BriefUser> users = this.briefUsers.of(LongStream.rangeClosed(1, 250).boxed().toList());

		assertThat(users).hasSize(250);
		assertThat(users.get(250L).username()).isEqualTo("u250");
		assertThat(USERS.calls(BATCH)).extracting((call) -> call.body().get("userIDs").size())
			.containsExactly(100, 100, 50);
	}

	@Test
	void aFailedBatchGivesEmptyNamesForItsIdsOnly() {
		USERS.answer(BATCH, (body) -> body.get("userIDs").get(0).asString().equals("1") ? Answer.down() : known(body));

		Map<Long, BriefUser> users = this.briefUsers.of(LongStream.rangeClosed(1, 101).boxed().toList());

		assertThat(users.get(100L)).isEqualTo(BriefUser.unknown(100));
		assertThat(users.get(101L).username()).isEqualTo("u101");
	}

	@Test
	void aRefusalOrAMalformedAnswerGivesEmptyNames() {
		USERS.answer(BATCH, (body) -> Answer.refused());
		assertThat(this.briefUsers.of(7)).isEqualTo(BriefUser.unknown(7));

		USERS.ok(BATCH, "{}");
		assertThat(this.briefUsers.of(7)).isEqualTo(BriefUser.unknown(7));

		USERS.ok(BATCH, "{\"list\":[{\"userID\":\"x\"}]}");
		assertThat(this.briefUsers.of(7)).isEqualTo(BriefUser.unknown(7));
	}

	@Test
	void noIdsNoCall() {
		assertThat(this.briefUsers.of(List.of())).isEmpty();
		assertThat(USERS.calls(BATCH)).isEmpty();
	}

}
