package com.contentsuite.moments.like;

import java.util.ArrayList;
import java.util.List;

import com.contentsuite.moments.MomentsServiceIntegrationTest;
import com.contentsuite.testsupport.ServiceApi.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /chatx/moments/likes}: the brief users who liked a post, the most recent
 * like first, paged by {@code pagination} (docs/api.md sections 1 and 5), for one batch
 * call to user-service a page.
 */
class LikersIntegrationTests extends MomentsServiceIntegrationTest {

	@Test
	void theMostRecentLikeComesFirstAndEachLikerIsABriefUser() {
		long author = newUser();
		long post = publish(author);
		long alice = newUser();
		long bob = newUser();
		long carol = newUser();
		like(post, alice, false);
		like(post, bob, false);
		like(post, carol, false);

		JsonNode page = likes(post, author, null);

		assertThat(ids(page)).containsExactly(carol, bob, alice);
		assertThat(page.get("hasMore").booleanValue()).isFalse();
		JsonNode first = page.get("list").get(0);
		assertThat(first.get("userID").asString()).isEqualTo(Long.toString(carol));
		assertThat(first.get("username").asString()).isEqualTo("u" + carol);
		assertThat(first.get("nickname").asString()).isEqualTo("nick" + carol);
		assertThat(first.get("avatarUrl").asString()).isEqualTo("http://files.example/avatars/" + carol + ".png");
	}

	@Test
	void aSecondLikeKeepsItsPlaceAReLikeAfterCancelMovesToTheFront() {
		long author = newUser();
		long post = publish(author);
		long alice = newUser();
		long bob = newUser();
		long carol = newUser();
		like(post, alice, false);
		like(post, bob, false);
		like(post, carol, false);

		like(post, alice, false);
		assertThat(ids(likes(post, author, null))).containsExactly(carol, bob, alice);

		like(post, alice, true);
		assertThat(ids(likes(post, author, null))).containsExactly(carol, bob);

		like(post, alice, false);
		assertThat(ids(likes(post, author, null))).containsExactly(alice, carol, bob);

		like(post, bob, true);
		like(post, bob, false);
		like(post, bob, false);
		assertThat(ids(likes(post, author, null))).containsExactly(bob, alice, carol);
	}

	@Test
	void pagesFollowOneAnotherWithHasMoreAndOneBatchCallEach() {
		long author = newUser();
		long post = publish(author);
		List<Long> liked = new ArrayList<>();
		for (int i = 0; i < 55; i++) {
			long user = newUser();
			like(post, user, false);
			liked.add(0, user);
		}

		List<Long> seen = new ArrayList<>();
		for (int pageNumber = 1; pageNumber <= 3; pageNumber++) {
			JsonNode page = pageWithOneBatchCall(post, author, pageNumber, 20);
			assertThat(page.get("list")).as("page %d", pageNumber).hasSize((pageNumber < 3) ? 20 : 15);
			assertThat(page.get("hasMore").booleanValue()).as("page %d", pageNumber).isEqualTo(pageNumber < 3);
			seen.addAll(ids(page));
		}
		assertThat(seen).containsExactlyElementsOf(liked);

		JsonNode widest = pageWithOneBatchCall(post, author, 1, 50);
		assertThat(ids(widest)).containsExactlyElementsOf(liked.subList(0, 50));
		assertThat(widest.get("hasMore").booleanValue()).isTrue();
		JsonNode rest = pageWithOneBatchCall(post, author, 2, 50);
		assertThat(ids(rest)).containsExactlyElementsOf(liked.subList(50, 55));
		assertThat(rest.get("hasMore").booleanValue()).isFalse();
		JsonNode one = pageWithOneBatchCall(post, author, 7, 1);
		assertThat(ids(one)).containsExactly(liked.get(6));
		assertThat(one.get("hasMore").booleanValue()).isTrue();

		int before = USERS.batchCalls();
		JsonNode beyond = likes(post, author, "{\"pageNumber\":4,\"showNumber\":20}");
		assertThat(beyond.get("list")).isEmpty();
		assertThat(beyond.get("hasMore").booleanValue()).isFalse();
		assertThat(USERS.batchCalls() - before).as("batch calls for an empty page").isZero();
	}

	@Test
	void withoutPaginationTheFirstPageOfTwentyAndAFullLastPageHasNoMore() {
		long author = newUser();
		long post = publish(author);
		List<Long> liked = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			long user = newUser();
			like(post, user, false);
			liked.add(0, user);
		}

		JsonNode first = likes(post, author, null);
		assertThat(ids(first)).containsExactlyElementsOf(liked.subList(0, 20));
		assertThat(first.get("hasMore").booleanValue()).isTrue();
		JsonNode emptyPagination = likes(post, author, "{}");
		assertThat(ids(emptyPagination)).containsExactlyElementsOf(liked.subList(0, 20));

		JsonNode exactlyFull = likes(post, author, "{\"pageNumber\":3,\"showNumber\":7}");
		assertThat(ids(exactlyFull)).containsExactlyElementsOf(liked.subList(14, 21));
		assertThat(exactlyFull.get("hasMore").booleanValue()).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "{\"pageNumber\":1,\"showNumber\":0}|pagination.showNumber must be 1-50",
					"{\"pageNumber\":1,\"showNumber\":51}|pagination.showNumber must be 1-50",
					"{\"showNumber\":-1}|pagination.showNumber must be 1-50",
					"{\"pageNumber\":0,\"showNumber\":20}|pagination.pageNumber must be 1 or more",
					"{\"pageNumber\":-3}|pagination.pageNumber must be 1 or more" })
	void aPaginationOutOfItsRangesIs1001NamingTheField(String pagination, String errDlt) {
		long author = newUser();
		long post = publish(author);
		like(post, newUser(), false);

		Reply reply = post("likes", author, "{\"postID\":\"" + post + "\",\"pagination\":" + pagination + "}");

		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.errCode()).isEqualTo(1001);
		assertThat(reply.json().get("errMsg").asString()).isEqualTo("ArgsError");
		assertThat(reply.errDlt()).isEqualTo(errDlt);
		assertThat(reply.json().has("data")).isFalse();
	}

	@Test
	void aMissingInvalidUnknownOrDeletedPostIsRefused() {
		long author = newUser();
		long deleted = publish(author);
		like(deleted, newUser(), false);
		ok("delete", author, "{\"postID\":\"" + deleted + "\"}");

		Reply missing = post("likes", author, "{}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.errDlt()).isEqualTo("postID is required");
		Reply invalid = post("likes", author, "{\"postID\":\"12ab\"}");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.errDlt()).isEqualTo("postID is invalid");
		for (long postId : new long[] { 987654321L, deleted }) {
			Reply reply = post("likes", author, "{\"postID\":\"" + postId + "\"}");
			assertThat(reply.status()).as(reply.body()).isEqualTo(404);
			assertThat(reply.errCode()).isEqualTo(1004);
			assertThat(reply.errDlt()).isEqualTo("post not found");
		}
	}

	@Test
	void someoneElsesPostCostsOneRelationCallAndOneBatchCall() {
		long author = newUser();
		long post = publish(author);
		long viewer = newUser();
		for (int i = 0; i < 5; i++) {
			like(post, newUser(), false);
		}
		int relations = USERS.relationCalls();
		int batches = USERS.batchCalls();

		assertThat(likes(post, viewer, null).get("list")).hasSize(5);

		assertThat(USERS.relationCalls() - relations).as("relation calls").isEqualTo(1);
		assertThat(USERS.batchCalls() - batches).as("batch calls").isEqualTo(1);
	}

	@Test
	void withUserServiceDownSomeoneElsesPostIs1006AndOnesOwnAnswersWithEmptyNames() {
		long author = newUser();
		long post = publish(author);
		long alice = newUser();
		long bob = newUser();
		like(post, alice, false);
		like(post, bob, false);
		USERS.down();
		try {
			Reply stranger = post("likes", newUser(), "{\"postID\":\"" + post + "\"}");
			assertThat(stranger.status()).as(stranger.body()).isEqualTo(503);
			assertThat(stranger.errCode()).isEqualTo(1006);
			assertThat(stranger.json().get("errMsg").asString()).isEqualTo("ServiceUnavailableError");
			assertThat(stranger.json().has("data")).isFalse();

			JsonNode own = likes(post, author, null);

			assertThat(ids(own)).containsExactly(bob, alice);
			for (JsonNode user : own.get("list")) {
				assertThat(user.get("username").asString()).as(user.toString()).isEmpty();
				assertThat(user.get("nickname").asString()).as(user.toString()).isEmpty();
				assertThat(user.get("avatarUrl").asString()).as(user.toString()).isEmpty();
			}
		}
		finally {
			USERS.up();
		}
	}

	/** A page of likers as {@code viewer} asks it, checked to cost one batch call. */
	private JsonNode pageWithOneBatchCall(long post, long viewer, int pageNumber, int showNumber) {
		int before = USERS.batchCalls();
		JsonNode page = likes(post, viewer, "{\"pageNumber\":" + pageNumber + ",\"showNumber\":" + showNumber + "}");
		assertThat(USERS.batchCalls() - before).as("batch calls for page %d of %d", pageNumber, showNumber)
			.isEqualTo(1);
		return page;
	}

	private JsonNode likes(long post, long viewer, String pagination) {
		String paged = (pagination != null) ? ",\"pagination\":" + pagination : "";
		return ok("likes", viewer, "{\"postID\":\"" + post + "\"" + paged + "}");
	}

	private void like(long post, long user, boolean cancel) {
		ok("like", user, "{\"postID\":\"" + post + "\",\"cancel\":" + cancel + "}");
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("list").forEach((user) -> ids.add(Long.parseLong(user.get("userID").asString())));
		return ids;
	}

}
