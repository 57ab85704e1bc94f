package com.contentsuite.userclient;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.userclient.UserServiceStub.Answer;
import com.contentsuite.userclient.UserServiceStub.Call;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RelationsIntegrationTests extends UserClientIntegrationTest {

	private static final String FOLLOWINGS = "/internal/users/followings/ids";

	private static final String CHECK = "/internal/users/blacklist/check";

	private static final String RELATIONS = "/internal/users/relations";

	@Autowired
	private Relations relations;

	static void unavailable(Executable call, String detail) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(call::execute).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
			assertThat(ex.httpStatus()).isEqualTo(503);
			assertThat(ex.detail()).isEqualTo(detail);
		});
	}

	static void failsWith1006(Executable call) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(call::execute)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
	}

	@Nested
	class FollowingIds {

		@Test
		void answersTheIdsInTheOrderGiven() {
			USERS.ok(FOLLOWINGS, "{\"userIDs\":[\"12\",\"7\"]}");

			assertThat(RelationsIntegrationTests.this.relations.followingIds(3)).containsExactly(12L, 7L);
			assertThat(USERS.calls(FOLLOWINGS).get(0).body().get("userID").asString()).isEqualTo("3");
		}

		@Test
		void anyFailureOrMalformedAnswerIs1006() {
			USERS.answer(FOLLOWINGS, (body) -> Answer.down());
			unavailable(() -> RelationsIntegrationTests.this.relations.followingIds(3),
					"a dependency is unavailable, try again later");
			USERS.answer(FOLLOWINGS, (body) -> Answer.refused());
			unavailable(() -> RelationsIntegrationTests.this.relations.followingIds(3),
					"a dependency is unavailable, try again later");
			USERS.ok(FOLLOWINGS, "{}");
			unavailable(() -> RelationsIntegrationTests.this.relations.followingIds(3),
					"a dependency answered unexpectedly");
			USERS.ok(FOLLOWINGS, "{\"userIDs\":[\"x\"]}");
			failsWith1006(() -> RelationsIntegrationTests.this.relations.followingIds(3));
		}

	}

	@Nested
	class BlockedBy {

		/** Owners whose ID is even have blacklisted everyone. */
		static Answer evenOwnersBlock(JsonNode body) {
			List<String> blocked = new ArrayList<>();
			for (JsonNode pair : body.get("pairs")) {
				if (Long.parseLong(pair.get("owner").asString()) % 2 == 0) {
					blocked.add("{\"owner\":\"%s\",\"target\":\"%s\"}".formatted(pair.get("owner").asString(),
							pair.get("target").asString()));
				}
			}
			return Answer.ok("{\"blocked\":[" + String.join(",", blocked) + "]}");
		}

		@Test
		void answersTheOwnersWhoBlacklistedTheViewerAskingEachPairOnce() {
			USERS.answer(CHECK, BlockedBy::evenOwnersBlock);

			assertThat(RelationsIntegrationTests.this.relations.blockedBy(5, List.of(8L, 9L, 8L, 5L, 10L)))
				.containsExactlyInAnyOrder(8L, 10L);
			List<Call> calls = USERS.calls(CHECK);
			assertThat(calls).hasSize(1);
			JsonNode pairs = calls.get(0).body().get("pairs");
			assertThat(pairs).hasSize(3);
			assertThat(pairs.get(0).get("owner").asString()).isEqualTo("8");
			assertThat(pairs.get(0).get("target").asString()).isEqualTo("5");
		}

		@Test
		void theViewersOwnContentNeedsNoCall() {
			assertThat(RelationsIntegrationTests.this.relations.blockedBy(5, List.of(5L))).isEmpty();
			assertThat(RelationsIntegrationTests.this.relations.blockedBy(5, List.of())).isEmpty();
			assertThat(USERS.calls(CHECK)).isEmpty();
		}

		@Test
		void asksAtMostAHundredPairsPerCall() {
			USERS.answer(CHECK, BlockedBy::evenOwnersBlock);

			assertThat(RelationsIntegrationTests.this.relations.blockedBy(1,
					LongStream.rangeClosed(1, 202).boxed().toList()))
				.hasSize(101);
			assertThat(USERS.calls(CHECK)).extracting((call) -> call.body().get("pairs").size())
				.containsExactly(100, 100, 1);
		}

		@Test
		void anyFailureOrMalformedAnswerIs1006() {
			USERS.answer(CHECK, (body) -> Answer.down());
			unavailable(() -> RelationsIntegrationTests.this.relations.blockedBy(5, List.of(8L)),
					"a dependency is unavailable, try again later");
			USERS.answer(CHECK, (body) -> Answer.refused());
			unavailable(() -> RelationsIntegrationTests.this.relations.blockedBy(5, List.of(8L)),
					"a dependency is unavailable, try again later");
			USERS.ok(CHECK, "{}");
			unavailable(() -> RelationsIntegrationTests.this.relations.blockedBy(5, List.of(8L)),
					"a dependency answered unexpectedly");
			USERS.ok(CHECK, "{\"blocked\":[{\"owner\":\"x\",\"target\":\"5\"}]}");
			failsWith1006(() -> RelationsIntegrationTests.this.relations.blockedBy(5, List.of(8L)));
		}

	}

	@Nested
	class ViewerRelationsOf {

		@Test
		void answersFollowingAndBlockedByInOneCall() {
			USERS.ok(RELATIONS, "{\"following\":[\"8\"],\"blockedBy\":[9]}");

			ViewerRelations answer = RelationsIntegrationTests.this.relations.of(7, List.of(8L, 9L, 7L, 8L));

			assertThat(answer.following()).containsExactly(8L);
			assertThat(answer.blockedBy()).containsExactly(9L);
			List<Call> calls = USERS.calls(RELATIONS);
			assertThat(calls).hasSize(1);
			assertThat(calls.get(0).body().get("viewer").asString()).isEqualTo("7");
			assertThat(calls.get(0).body().get("owners")).extracting(JsonNode::asString).containsExactly("8", "9");
		}

		@Test
		void keepsOnlyOwnersThatWereAsked() {
			USERS.ok(RELATIONS, "{\"following\":[\"8\",\"42\"],\"blockedBy\":[]}");

			assertThat(RelationsIntegrationTests.this.relations.of(7, List.of(8L)).following()).containsExactly(8L);
		}

		@Test
		void noOwnersButTheViewerNeedsNoCall() {
			ViewerRelations answer = RelationsIntegrationTests.this.relations.of(7, List.of(7L));

			assertThat(answer.following()).isEmpty();
			assertThat(answer.blockedBy()).isEmpty();
			assertThat(USERS.calls(RELATIONS)).isEmpty();
		}

		@Test
		void anyFailureOrMalformedAnswerIs1006() {
			USERS.answer(RELATIONS, (body) -> Answer.down());
			unavailable(() -> RelationsIntegrationTests.this.relations.of(7, List.of(8L)),
					"a dependency is unavailable, try again later");
			USERS.answer(RELATIONS, (body) -> Answer.refused());
			unavailable(() -> RelationsIntegrationTests.this.relations.of(7, List.of(8L)),
					"a dependency is unavailable, try again later");
			USERS.ok(RELATIONS, "{\"following\":[]}");
			unavailable(() -> RelationsIntegrationTests.this.relations.of(7, List.of(8L)),
					"a dependency answered unexpectedly");
			USERS.ok(RELATIONS, "{\"following\":[\"x\"],\"blockedBy\":[]}");
			failsWith1006(() -> RelationsIntegrationTests.this.relations.of(7, List.of(8L)));
		}

	}

}
