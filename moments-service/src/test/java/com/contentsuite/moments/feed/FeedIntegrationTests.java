package com.contentsuite.moments.feed;

import java.util.ArrayList;
import java.util.List;

import com.contentsuite.moments.MomentsServiceIntegrationTest;
import com.contentsuite.testsupport.ServiceApi;
import com.contentsuite.testsupport.ServiceApi.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code feed} and {@code user} (docs/api.md section 5): which posts each holds, newest
 * first, how they page with {@code pagination} and {@code hasMore}, and that a post in a
 * list is the whole post {@code get} answers.
 */
class FeedIntegrationTests extends MomentsServiceIntegrationTest {

	@Test
	void theFeedHoldsOwnPostsAndThePublicAndFollowerPostsOfWhomIFollowNewestFirst() {
		long viewer = newUser();
		long followed = newUser();
		long alsoFollowed = newUser();
		long stranger = newUser();
		long fan = newUser();
		USERS.follow(viewer, followed);
		USERS.follow(viewer, alsoFollowed);
		// Following the viewer does not put one's posts in the viewer's feed.
		USERS.follow(fan, viewer);

		long own0 = publish(viewer, 0);
		long followed0 = publish(followed, 0);
		long strangerPost = publish(stranger, 0);
		long followed1 = publish(followed, 1);
		long fanPost = publish(fan, 0);
		long followed2 = publish(followed, 2);
		long own2 = publish(viewer, 2);
		long other0 = publish(alsoFollowed, 0);
		long own1 = publish(viewer, 1);
		long strangerFollowers = publish(stranger, 1);

		List<Long> feed = ids(page("feed", viewer, "{\"pagination\":{\"pageNumber\":1,\"showNumber\":50}}"));

		assertThat(feed).containsExactly(own1, other0, own2, followed1, followed0, own0);
		assertThat(feed).doesNotContain(strangerPost, strangerFollowers, fanPost, followed2);
		// The fan follows the viewer: the viewer's posts but the private one are in the
		// fan's feed.
		assertThat(ids(page("feed", fan, "{}"))).containsExactly(own1, fanPost, own0);
	}

	@Test
	void aUserWhoFollowsNobodyAndPostedNothingHasAnEmptyFeed() {
		long viewer = newUser();
		publish(newUser());

		JsonNode feed = page("feed", viewer, "{}");

		assertThat(feed.get("list").isEmpty()).isTrue();
		assertThat(feed.get("hasMore").asBoolean()).isFalse();
	}

	@Test
	void deletedPostsAreAbsentFromTheFeedAndTheUserList() {
		long viewer = newUser();
		long followed = newUser();
		USERS.follow(viewer, followed);
		long ownKept = publish(viewer);
		long ownDeleted = publish(viewer);
		long followedKept = publish(followed);
		long followedDeleted = publish(followed, 1);

		ok("delete", viewer, "{\"postID\":\"" + ownDeleted + "\"}");
		ok("delete", followed, "{\"postID\":\"" + followedDeleted + "\"}");

		assertThat(ids(page("feed", viewer, "{}"))).containsExactly(followedKept, ownKept);
		assertThat(ids(page("user", viewer, "{\"userID\":\"" + followed + "\"}"))).containsExactly(followedKept);
		assertThat(ids(page("user", viewer, "{\"userID\":\"" + viewer + "\"}"))).containsExactly(ownKept);
	}

	@ParameterizedTest
	@ValueSource(strings = { "feed", "user" })
	void fivePostsInPagesOfTwoArePagesOfTwoTwoAndOneAndHasMoreIsExact(String route) {
		long viewer = newUser();
		long author = newUser();
		USERS.follow(viewer, author);
		List<Long> posts = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			posts.add(0, publish(author, i % 2));
		}
		String who = route.equals("user") ? "\"userID\":\"" + author + "\"," : "";

		List<Long> seen = new ArrayList<>();
		boolean[] hasMore = new boolean[4];
		int[] sizes = new int[4];
		for (int number = 1; number <= 4; number++) {
			JsonNode page = page(route, viewer,
					"{" + who + "\"pagination\":{\"pageNumber\":" + number + ",\"showNumber\":2}}");
			sizes[number - 1] = page.get("list").size();
			hasMore[number - 1] = page.get("hasMore").asBoolean();
			seen.addAll(ids(page));
		}

		assertThat(sizes).containsExactly(2, 2, 1, 0);
		assertThat(hasMore).containsExactly(true, true, false, false);
		assertThat(seen).containsExactlyElementsOf(posts);
	}

	@ParameterizedTest
	@ValueSource(strings = { "feed", "user" })
	void aLastPageThatIsExactlyFullHasNoMore(String route) {
		long viewer = newUser();
		for (int i = 0; i < 4; i++) {
			publish(viewer);
		}
		String who = route.equals("user") ? "\"userID\":\"" + viewer + "\"," : "";

		JsonNode second = page(route, viewer, "{" + who + "\"pagination\":{\"pageNumber\":2,\"showNumber\":2}}");
		JsonNode whole = page(route, viewer, "{" + who + "\"pagination\":{\"pageNumber\":1,\"showNumber\":4}}");
		JsonNode oneShort = page(route, viewer, "{" + who + "\"pagination\":{\"pageNumber\":1,\"showNumber\":3}}");

		assertThat(second.get("list")).hasSize(2);
		assertThat(second.get("hasMore").asBoolean()).isFalse();
		assertThat(whole.get("list")).hasSize(4);
		assertThat(whole.get("hasMore").asBoolean()).isFalse();
		assertThat(oneShort.get("list")).hasSize(3);
		assertThat(oneShort.get("hasMore").asBoolean()).isTrue();
	}

	@Test
	void withoutABodyOrPaginationTheFeedIsTheFirstPageOfTwenty() {
		long viewer = newUser();
		List<Long> posts = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			posts.add(0, publish(viewer));
		}
		JsonNode explicit = page("feed", viewer, "{\"pagination\":{\"pageNumber\":1,\"showNumber\":20}}");
		assertThat(ids(explicit)).containsExactlyElementsOf(posts.subList(0, 20));
		assertThat(explicit.get("hasMore").asBoolean()).isTrue();

		Reply noBody = this.api.send("POST", "/chatx/moments/feed", ServiceApi.GATEWAY, viewer, null);
		assertThat(noBody.errCode()).as(noBody.body()).isZero();
		assertThat(noBody.data()).isEqualTo(explicit);
		for (String body : new String[] { "{}", "{\"pagination\":null}", "{\"pagination\":{}}",
				"{\"pagination\":{\"pageNumber\":1}}", "{\"pagination\":{\"showNumber\":20}}" }) {
			assertThat(page("feed", viewer, body)).as(body).isEqualTo(explicit);
		}
		JsonNode second = page("feed", viewer, "{\"pagination\":{\"pageNumber\":2}}");
		assertThat(ids(second)).containsExactly(posts.get(20));
		assertThat(second.get("hasMore").asBoolean()).isFalse();
	}

	@Test
	void withoutPaginationAUserListIsTheFirstPageOfTwenty() {
		long viewer = newUser();
		long author = newUser();
		List<Long> posts = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			posts.add(0, publish(author));
		}

		JsonNode page = page("user", viewer, "{\"userID\":\"" + author + "\"}");

		assertThat(ids(page)).containsExactlyElementsOf(posts.subList(0, 20));
		assertThat(page.get("hasMore").asBoolean()).isTrue();
		assertThat(page("user", viewer, "{\"userID\":" + author + ",\"pagination\":null}")).isEqualTo(page);
	}

	@Test
	void aPageFarPastTheEndIsEmpty() {
		long viewer = newUser();
		publish(viewer);

		JsonNode page = page("feed", viewer, "{\"pagination\":{\"pageNumber\":2147483647,\"showNumber\":50}}");

		assertThat(page.get("list").isEmpty()).isTrue();
		assertThat(page.get("hasMore").asBoolean()).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			feed | {"pageNumber":0,"showNumber":2}   | pagination.pageNumber must be 1 or more
			feed | {"pageNumber":-1}                 | pagination.pageNumber must be 1 or more
			feed | {"showNumber":0}                  | pagination.showNumber must be 1-50
			feed | {"showNumber":51}                 | pagination.showNumber must be 1-50
			feed | {"showNumber":-3}                 | pagination.showNumber must be 1-50
			feed | {"pageNumber":"x"}                | pagination.pageNumber has a wrong type
			feed | {"pageNumber":1.5}                | pagination.pageNumber has a wrong type
			feed | {"showNumber":true}               | pagination.showNumber has a wrong type
			feed | {"showNumber":[20]}               | pagination.showNumber has a wrong type
			user | {"pageNumber":0}                  | pagination.pageNumber must be 1 or more
			user | {"showNumber":0}                  | pagination.showNumber must be 1-50
			user | {"showNumber":51}                 | pagination.showNumber must be 1-50
			user | {"showNumber":"many"}             | pagination.showNumber has a wrong type
			user | {"pageNumber":2.5}                | pagination.pageNumber has a wrong type
			""")
	void paginationOutOfBoundsOrOfAWrongTypeIs1001NamingTheField(String route, String pagination, String detail) {
		long viewer = newUser();
		publish(viewer);
		String who = route.equals("user") ? "\"userID\":\"" + viewer + "\"," : "";

		Reply reply = post(route, viewer, "{" + who + "\"pagination\":" + pagination + "}");

		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.errCode()).isEqualTo(1001);
		assertThat(reply.errDlt()).isEqualTo(detail);
		assertThat(reply.json().has("data")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "feed", "user" })
	void paginationThatIsNotAnObjectIs1001(String route) {
		long viewer = newUser();
		String who = route.equals("user") ? "\"userID\":\"" + viewer + "\"," : "";

		Reply reply = post(route, viewer, "{" + who + "\"pagination\":\"first\"}");

		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.errCode()).isEqualTo(1001);
		assertThat(reply.errDlt()).isEqualTo("pagination has a wrong type");
	}

	@Test
	void theEdgesOfShowNumberAreAccepted() {
		long viewer = newUser();
		publish(viewer);
		publish(viewer);

		JsonNode one = page("feed", viewer, "{\"pagination\":{\"pageNumber\":1,\"showNumber\":1}}");
		JsonNode fifty = page("feed", viewer, "{\"pagination\":{\"pageNumber\":1,\"showNumber\":50}}");

		assertThat(one.get("list")).hasSize(1);
		assertThat(one.get("hasMore").asBoolean()).isTrue();
		assertThat(fifty.get("list")).hasSize(2);
		assertThat(fifty.get("hasMore").asBoolean()).isFalse();
	}

	@Test
	void aUserListHoldsThatUsersPostsTheViewerMaySeeNewestFirst() {
		long author = newUser();
		long follower = newUser();
		long stranger = newUser();
		USERS.follow(follower, author);
		long public1 = publish(author, 0);
		long followers = publish(author, 1);
		publish(newUser(), 0);
		long private1 = publish(author, 2);
		long public2 = publish(author, 0);

		assertThat(ids(page("user", author, "{\"userID\":\"" + author + "\"}"))).containsExactly(public2, private1,
				followers, public1);
		assertThat(ids(page("user", follower, "{\"userID\":" + author + "}"))).containsExactly(public2, followers,
				public1);
		assertThat(ids(page("user", stranger, "{\"userID\":\"" + author + "\"}"))).containsExactly(public2, public1);
		JsonNode unknown = page("user", stranger, "{\"userID\":\"" + (author + 9_000_000) + "\"}");
		assertThat(unknown.get("list").isEmpty()).isTrue();
		assertThat(unknown.get("hasMore").asBoolean()).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{}                       | userID is required
			{"userID":""}            | userID is required
			{"userID":"abc"}         | userID is invalid
			{"userID":"0"}           | userID is invalid
			{"userID":true}          | userID has a wrong type
			""")
	void aUserListNeedsAValidUserId(String body, String detail) {
		Reply reply = post("user", newUser(), body);

		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.errCode()).isEqualTo(1001);
		assertThat(reply.errDlt()).isEqualTo(detail);
	}

	@Test
	void aPostInAListIsTheWholePostAsGetAnswersItWithTheViewersLike() {
		long author = newUser();
		long viewer = newUser();
		long commenter = newUser();
		long stranger = newUser();
		USERS.follow(viewer, author);
		USERS.follow(commenter, author);
		JsonNode published = ok("publish", author,
				"{\"content\":\"look\",\"images\":[\"https://img.example.com/1.png\"],\"visibility\":1}");
		long postId = Long.parseLong(published.get("postID").asString());
		long first = comment(postId, commenter, "nice");
		long reply = Long.parseLong(ok("comment/add", author,
				"{\"postID\":\"" + postId + "\",\"content\":\"thanks\",\"replyToUserID\":\"" + commenter + "\"}")
			.get("commentID")
			.asString());
		ok("like", viewer, "{\"postID\":\"" + postId + "\"}");
		ok("like", commenter, "{\"postID\":\"" + postId + "\"}");

		JsonNode inFeed = page("feed", viewer, "{}").get("list").get(0);
		JsonNode inList = page("user", viewer, "{\"userID\":\"" + author + "\"}").get("list").get(0);

		assertThat(inFeed).isEqualTo(get(postId, viewer)).isEqualTo(inList);
		assertThat(inFeed.get("postID").asString()).isEqualTo(Long.toString(postId));
		assertThat(inFeed.get("author").get("nickname").asString()).isEqualTo("nick" + author);
		assertThat(inFeed.get("content").asString()).isEqualTo("look");
		assertThat(inFeed.get("images").get(0).asString()).isEqualTo("https://img.example.com/1.png");
		assertThat(inFeed.get("visibility").asInt()).isOne();
		assertThat(inFeed.get("likeCount").asLong()).isEqualTo(2);
		assertThat(inFeed.get("liked").asBoolean()).isTrue();
		assertThat(inFeed.get("commentCount").asLong()).isEqualTo(2);
		JsonNode comments = inFeed.get("comments");
		assertThat(comments).hasSize(2);
		assertThat(comments.get(0).get("commentID").asString()).isEqualTo(Long.toString(first));
		assertThat(comments.get(0).get("author").get("nickname").asString()).isEqualTo("nick" + commenter);
		assertThat(comments.get(0).has("replyTo")).isTrue();
		assertThat(comments.get(0).get("replyTo").isNull()).as("%s", comments).isTrue();
		assertThat(comments.get(1).get("commentID").asString()).isEqualTo(Long.toString(reply));
		assertThat(comments.get(1).get("replyTo").get("userID").asString()).isEqualTo(Long.toString(commenter));
		assertThat(comments.get(1).get("replyTo").get("nickname").asString()).isEqualTo("nick" + commenter);
		assertThat(inFeed.get("createTime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

		// Each viewer's own like: the author has not liked it.
		JsonNode asAuthor = page("feed", author, "{}").get("list").get(0);
		assertThat(asAuthor.get("liked").asBoolean()).isFalse();
		assertThat(asAuthor.get("likeCount").asLong()).isEqualTo(2);
		// A follower-only post: not in a stranger's list of the author.
		assertThat(page("user", stranger, "{\"userID\":\"" + author + "\"}").get("list")).isEmpty();
	}

	@Test
	void aListPostEmbedsItsNewestTwentyCommentsAndCountsThemAll() {
		long viewer = newUser();
		long postId = publish(viewer);
		List<Long> written = new ArrayList<>();
		long commenter = 0;
		for (int i = 0; i < 22; i++) {
			if (i % 5 == 0) {
				commenter = newUser();
			}
			written.add(comment(postId, commenter, "c" + i));
		}

		JsonNode inFeed = page("feed", viewer, "{}").get("list").get(0);

		assertThat(inFeed.get("commentCount").asLong()).isEqualTo(22);
		List<Long> embedded = new ArrayList<>();
		inFeed.get("comments").forEach((c) -> embedded.add(Long.parseLong(c.get("commentID").asString())));
		assertThat(embedded).containsExactlyElementsOf(written.subList(2, 22));
	}

	/** The {@code data} of a list that must succeed, its shape checked. */
	private JsonNode page(String route, long viewer, String json) {
		JsonNode data = ok(route, viewer, json);
		assertThat(data.propertyNames()).containsExactlyInAnyOrder("list", "hasMore");
		return data;
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("list").forEach((post) -> ids.add(Long.parseLong(post.get("postID").asString())));
		return ids;
	}

}
