package com.contentsuite.e2e.journey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.contentsuite.e2e.journey.Client.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static com.contentsuite.e2e.journey.Client.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notifications through the gateway against the packaged jars (docs/api.md section 7): a
 * follow, an article like, collect and comment, a reply, a moment like and comment, each
 * notifying the right user once; nothing for one's own content or from a blacklisted
 * actor; read one, read all. user-service is stopped in the middle: what happens then
 * waits in the producers' outboxes and arrives once it is back.
 */
@ExtendWith(RunningSuite.Resolver.class)
class NotificationJourneyTests {

	private static final Duration ARRIVAL = Duration.ofSeconds(60);

	private static RunningSuite running;

	private static Suite suite;

	private static Client client;

	@BeforeAll
	static void useSuite(RunningSuite shared) {
		running = shared;
		suite = shared.suite;
		client = shared.client;
	}

	@Test
	void whatOthersDoArrivesOnceEvenWhileUserServiceIsDownAndIsReadOneByOneOrAll() throws Exception {
		SignedInUser alice = SignedInUser.register(running);
		SignedInUser bob = SignedInUser.register(running);
		SignedInUser carol = SignedInUser.register(running);
		SignedInUser mallory = SignedInUser.register(running);

		ok(client.post("/users/followings", Map.of("target", alice.id()), bob.token()));
		String articleId = ok(client.post("/articles",
				Map.of("title", "A title that is quite a bit longer than fifty characters, really", "content", "Body"),
				alice.token()))
			.text("articleID");
		ok(client.put("/articles/" + articleId + "/likes", Map.of("status", 1), bob.token()));
		ok(client.put("/articles/" + articleId + "/likes", Map.of("status", 1), alice.token()));
		// Like, unlike, like again: one notification.
		ok(client.put("/articles/" + articleId + "/likes", Map.of("status", 0), bob.token()));
		ok(client.put("/articles/" + articleId + "/likes", Map.of("status", 1), bob.token()));
		ok(client.put("/articles/" + articleId + "/collections", Map.of("status", 1), bob.token()));
		awaitUnread(alice, 3);

		String topComment = ok(
				client.post("/articles/" + articleId + "/comments", Map.of("content", "Great read"), carol.token()))
			.text("commentID");
		ok(client.post("/articles/" + articleId + "/comments",
				Map.of("content", "Thanks, carol", "parentID", topComment), alice.token()));
		String postId = ok(client.post("/chatx/moments/publish", Map.of("content", "Holiday pictures"), alice.token()))
			.text("postID");

		// A blacklisted user can not act on alice's content, so nothing is notified.
		ok(client.post("/users/blacklist", Map.of("target", mallory.id()), alice.token()));
		assertThat(client.put("/articles/" + articleId + "/likes", Map.of("status", 1), mallory.token()).errCode())
			.isEqualTo(1302);

		// user-service stops: the notifications are unavailable (not lost, not empty);
		// what needs no user-service still works and notifies nothing.
		suite.stop("user-service");
		try {
			Answer down = client.get("/users/notifications/unread", alice.token(), Map.of());
			assertThat(down.status()).as(down.body().toString()).isEqualTo(503);
			assertThat(down.errCode()).isEqualTo(1006);
			ok(client.put("/articles/" + articleId + "/collections", Map.of("status", 0), bob.token()));
		}
		finally {
			suite.start("user-service");
			suite.awaitHealthy("user-service");
		}
		// moments' visibility checks need user-service: once its breaker closes, bob may
		// see (and like) the post of alice, whom he follows.
		await().atMost(ARRIVAL)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> client.post("/chatx/moments/like", Map.of("postID", postId), bob.token()).errCode() == 0);
		ok(client.post("/chatx/moments/comment/add", Map.of("postID", postId, "content", "Lovely"), bob.token()));
		ok(client.post("/chatx/moments/comment/add",
				Map.of("postID", postId, "content", "Thank you", "replyToUserID", bob.id()), alice.token()));

		// alice: follow, like, collect, carol's comment, bob's moment like and comment.
		awaitUnread(alice, 6);
		awaitUnread(carol, 1);
		awaitUnread(bob, 1);
		JsonNode list = notifications(alice);
		assertThat(types(list)).containsExactly("moment_comment", "moment_like", "article_comment", "article_collect",
				"article_like", "follow");
		JsonNode like = list.get(4);
		assertThat(like.get("actor").get("userID").asString()).isEqualTo(bob.id());
		assertThat(like.get("actor").get("username").asString()).isEqualTo(bob.name());
		assertThat(like.get("articleID").asString()).isEqualTo(articleId);
		assertThat(like.get("excerpt").asString()).hasSize(50).startsWith("A title that is");
		assertThat(like.get("read").asBoolean()).isFalse();
		assertThat(like.get("createTime").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
		JsonNode comment = list.get(2);
		assertThat(comment.get("actor").get("userID").asString()).isEqualTo(carol.id());
		assertThat(comment.get("commentID").asString()).isEqualTo(topComment);
		assertThat(comment.get("excerpt").asString()).isEqualTo("Great read");
		assertThat(list.get(1).get("postID").asString()).isEqualTo(postId);
		JsonNode carols = notifications(carol).get(0);
		assertThat(carols.get("type").asString()).isEqualTo("comment_reply");
		assertThat(carols.get("actor").get("userID").asString()).isEqualTo(alice.id());
		assertThat(carols.get("excerpt").asString()).isEqualTo("Thanks, carol");
		assertThat(types(notifications(bob))).containsExactly("moment_comment");

		// Read one, then all: each answers the new count.
		String oldest = list.get(5).get("notificationID").asString();
		Answer one = ok(client.post("/users/notifications/read", Map.of("notificationID", oldest), alice.token()));
		assertThat(one.data().get("unread").asLong()).isEqualTo(5);
		assertThat(notifications(alice).get(5).get("read").asBoolean()).isTrue();
		Answer all = ok(client.post("/users/notifications/read", Map.of(), alice.token()));
		assertThat(all.data().get("unread").asLong()).isZero();
		assertThat(ok(client.get("/users/notifications/unread", alice.token(), Map.of())).data().get("unread").asLong())
			.isZero();

		Answer anonymous = client.get("/users/notifications", null, Map.of());
		assertThat(anonymous.status()).isEqualTo(401);
		Answer others = client.post("/users/notifications/read", Map.of("notificationID", oldest), bob.token());
		assertThat(others.errCode()).isEqualTo(1004);
	}

	private static List<String> types(JsonNode list) {
		List<String> types = new ArrayList<>();
		list.forEach((n) -> types.add(n.get("type").asString()));
		return types;
	}

	private static JsonNode notifications(SignedInUser user) throws Exception {
		return ok(client.get("/users/notifications", user.token(), Map.of())).data().get("list");
	}

	private static void awaitUnread(SignedInUser user, long expected) {
		await().atMost(ARRIVAL).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			Answer unread = client.get("/users/notifications/unread", user.token(), Map.of());
			assertThat(unread.errCode()).as(unread.body().toString()).isZero();
			assertThat(unread.data().get("unread").asLong()).isEqualTo(expected);
		});
	}

}
