package com.contentsuite.e2e.journey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.contentsuite.e2e.journey.Client.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An article from its first draft to its deletion through the gateway against the
 * packaged jars (docs/api.md section 4): write, edit, the lists, likes, collections,
 * hits, the hot list, comment trees, the author's blacklist, deletion, forged identity
 * headers and the lists while user-service is down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(RunningSuite.Resolver.class)
class ArticleJourneyTests {

	private static final String CONTENT = "# Hello world\n\nThis is **bold** and _soft_.";

	private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

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
	@Order(1)
	void anArticleIsWrittenEditedListedLikedCollectedHitCommentedBlockedAndDeleted() throws Exception {
		SignedInUser alice = SignedInUser.register(running);
		SignedInUser bob = SignedInUser.register(running);

		// Write: a double-tapped publish makes one article.
		Map<String, String> key = Map.of("Idempotency-Key", "e2e-" + UUID.randomUUID());
		Map<String, Object> draft = Map.of("title", "First post", "content", CONTENT);
		Answer written = client.send("POST", "/articles", draft, alice.token(), key);
		assertThat(written.errCode()).as(written.body().toString()).isZero();
		String articleId = written.text("articleID");
		assertThat(articleId).matches("\\d+");
		assertThat(written.header("Idempotent-Replayed")).isNull();
		Answer replayed = client.send("POST", "/articles", draft, alice.token(), key);
		assertThat(replayed.status()).isEqualTo(200);
		assertThat(replayed.text("articleID")).isEqualTo(articleId);
		assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
		Answer otherBody = client.send("POST", "/articles", Map.of("title", "Other", "content", "x"), alice.token(),
				key);
		assertThat(otherBody.status()).isEqualTo(409);
		assertThat(otherBody.errCode()).isEqualTo(1003);
		assertThat(ids(client.get("/articles/mine", alice.token(), Map.of()))).containsExactly(articleId);

		Answer detail = client.get("/articles/" + articleId, null, Map.of());
		assertThat(detail.errCode()).isZero();
		assertThat(detail.text("title")).isEqualTo("First post");
		assertThat(detail.text("content")).as("stored as given").isEqualTo(CONTENT);
		assertThat(detail.text("summary")).as("Markdown markup removed")
			.isEqualTo("Hello world This is bold and soft.");
		assertThat(detail.text("createTime")).matches(TIME);
		assertAuthor(detail.data(), alice);

		// Edit: the owner only.
		Answer notOwner = client.put("/articles/" + articleId, Map.of("title", "Hijacked"), bob.token());
		assertThat(notOwner.status()).isEqualTo(403);
		assertThat(notOwner.errCode()).isEqualTo(1002);
		Answer edited = client.put("/articles/" + articleId, Map.of("title", "First post, edited"), alice.token());
		assertThat(edited.errCode()).as(edited.body().toString()).isZero();
		assertThat(edited.text("title")).isEqualTo("First post, edited");
		assertThat(edited.text("content")).as("an absent field is kept").isEqualTo(CONTENT);
		assertThat(edited.text("updateTime")).matches(TIME);
		assertThat(edited.text("updateTime").compareTo(edited.text("createTime"))).isGreaterThanOrEqualTo(0);
		assertThat(client.get("/articles/" + articleId, null, Map.of()).text("title")).isEqualTo("First post, edited");

		// Lists embed the author as registered.
		for (String list : List.of("/articles/new", "/articles/users/" + alice.id())) {
			JsonNode row = find(client.get(list + "?size=50", null, Map.of()), articleId);
			assertThat(row).as(list).isNotNull();
			assertThat(row.get("title").asString()).isEqualTo("First post, edited");
			assertThat(row.has("content")).as("lists carry the summary only").isFalse();
			assertAuthor(row, alice);
		}
		assertAuthor(find(client.get("/articles/mine", alice.token(), Map.of()), articleId), alice);
		assertThat(client.get("/articles/mine", null, Map.of()).status()).isEqualTo(401);

		// Likes and collections: the state after the call and the counts, idempotent.
		Answer liked = client.put("/articles/" + articleId + "/likes", Map.of("status", 1), bob.token());
		assertThat(liked.errCode()).as(liked.body().toString()).isZero();
		assertThat(liked.data().get("likeStatus").asInt()).isEqualTo(1);
		assertThat(liked.data().get("likes").asLong()).isEqualTo(1);
		Answer likedAgain = client.put("/articles/" + articleId + "/likes", Map.of("status", 1), bob.token());
		assertThat(likedAgain.data().get("likes").asLong()).as("liking twice stores one like").isEqualTo(1);
		Answer collected = client.put("/articles/" + articleId + "/collections", Map.of("status", 1), bob.token());
		assertThat(collected.errCode()).as(collected.body().toString()).isZero();
		assertThat(collected.data().get("collectStatus").asInt()).isEqualTo(1);
		assertThat(collected.data().get("collects").asLong()).isEqualTo(1);
		Answer badStatus = client.put("/articles/" + articleId + "/likes", Map.of("status", 2), bob.token());
		assertThat(badStatus.status()).isEqualTo(400);
		assertThat(badStatus.errCode()).isEqualTo(1001);
		assertThat(badStatus.body().get("errDlt").asString()).isEqualTo("status error");

		JsonNode seenByBob = client.get("/articles/" + articleId, bob.token(), Map.of()).data();
		assertThat(seenByBob.get("likeStatus").asInt()).isEqualTo(1);
		assertThat(seenByBob.get("collectStatus").asInt()).isEqualTo(1);
		assertThat(seenByBob.get("likes").asLong()).isEqualTo(1);
		assertThat(seenByBob.get("collects").asLong()).isEqualTo(1);
		JsonNode seenAnonymously = client.get("/articles/" + articleId, null, Map.of()).data();
		assertThat(seenAnonymously.get("likeStatus").asInt()).isZero();
		assertThat(seenAnonymously.get("collectStatus").asInt()).isZero();
		assertThat(seenAnonymously.get("likes").asLong()).isEqualTo(1);
		JsonNode seenByAlice = client.get("/articles/" + articleId, alice.token(), Map.of()).data();
		assertThat(seenByAlice.get("likeStatus").asInt()).as("statuses are the viewer's own").isZero();
		JsonNode inLikes = find(client.get("/articles/likes", bob.token(), Map.of()), articleId);
		assertThat(inLikes).isNotNull();
		assertThat(inLikes.get("likeStatus").asInt()).isEqualTo(1);
		assertAuthor(inLikes, alice);
		JsonNode inCollections = find(client.get("/articles/collections", bob.token(), Map.of()), articleId);
		assertThat(inCollections).isNotNull();
		assertThat(inCollections.get("collectStatus").asInt()).isEqualTo(1);
		assertThat(find(client.get("/articles/new", bob.token(), Map.of()), articleId).get("likeStatus").asInt())
			.isEqualTo(1);

		// Hits: once per viewer per window; an anonymous viewer is told apart by IP.
		assertThat(hit(articleId, bob.token())).isEqualTo(1);
		assertThat(hit(articleId, bob.token())).as("the same viewer counts once").isEqualTo(1);
		assertThat(hit(articleId, null)).as("an anonymous viewer counts").isEqualTo(2);
		assertThat(hit(articleId, null)).isEqualTo(2);
		Answer forgedIp = client.send("PUT", "/articles/" + articleId + "/hits", null, null,
				Map.of("X-Forwarded-For", "203.0.113.9"));
		assertThat(forgedIp.data().get("hits").asLong()).as("a client's X-Forwarded-For is not believed").isEqualTo(2);
		assertThat(client.get("/articles/" + articleId, null, Map.of()).data().get("hits").asLong()).isEqualTo(2);

		// Hot: engagement outranks a newer article that has none.
		String quiet = client.post("/articles", Map.of("title", "Quiet", "content", "nobody reads this"), alice.token())
			.text("articleID");
		List<String> hot = ids(client.get("/articles/hot?size=50", null, Map.of()));
		assertThat(hot).contains(articleId, quiet);
		assertThat(hot.indexOf(articleId)).isLessThan(hot.indexOf(quiet));
		List<String> newest = ids(client.get("/articles/new?size=50", null, Map.of()));
		assertThat(newest.indexOf(quiet)).isLessThan(newest.indexOf(articleId));

		// Comments: a tree, readable anonymously.
		Answer top = client.post("/articles/" + articleId + "/comments", Map.of("content", "Nice post"), bob.token());
		assertThat(top.errCode()).as(top.body().toString()).isZero();
		String topId = top.text("commentID");
		assertAuthor(top.data(), bob);
		Answer reply = client.post("/articles/" + articleId + "/comments",
				Map.of("content", "Thanks", "parentID", topId), alice.token());
		assertThat(reply.errCode()).as(reply.body().toString()).isZero();
		String replyId = reply.text("commentID");
		Answer deeper = client.post("/articles/" + articleId + "/comments",
				Map.of("content", "You're welcome", "parentID", replyId), bob.token());
		assertThat(deeper.errCode()).as(deeper.body().toString()).isZero();
		String deeperId = deeper.text("commentID");
		Answer unknownParent = client.post("/articles/" + articleId + "/comments",
				Map.of("content", "lost", "parentID", "999999999"), bob.token());
		assertThat(unknownParent.errCode()).isEqualTo(1004);

		Answer tree = client.get("/articles/" + articleId + "/comments", null, Map.of());
		assertThat(tree.errCode()).as(tree.body().toString()).isZero();
		JsonNode comments = tree.data().get("list");
		assertThat(comments.size()).isEqualTo(1);
		JsonNode first = comments.get(0);
		assertThat(first.get("commentID").asString()).isEqualTo(topId);
		assertThat(first.get("content").asString()).isEqualTo("Nice post");
		assertAuthor(first, bob);
		JsonNode second = first.get("children").get(0);
		assertThat(second.get("commentID").asString()).isEqualTo(replyId);
		assertAuthor(second, alice);
		JsonNode third = second.get("children").get(0);
		assertThat(third.get("commentID").asString()).isEqualTo(deeperId);
		assertThat(third.get("children").size()).isZero();
		assertThat(client.get("/articles/" + articleId, null, Map.of()).data().get("comments").asLong()).isEqualTo(3);

		// The article's author deletes bob's comment: it keeps its place for its replies.
		Answer notTheirs = client.delete("/articles/" + articleId + "/comments/" + replyId,
				SignedInUser.register(running).token());
		assertThat(notTheirs.status()).isEqualTo(403);
		assertThat(notTheirs.errCode()).isEqualTo(1002);
		assertThat(client.delete("/articles/" + articleId + "/comments/" + topId, alice.token()).errCode()).isZero();
		JsonNode kept = client.get("/articles/" + articleId + "/comments", null, Map.of()).data().get("list").get(0);
		assertThat(kept.get("commentID").asString()).isEqualTo(topId);
		assertThat(kept.get("deleted").asBoolean()).isTrue();
		assertThat(kept.get("content").asString()).isEmpty();
		assertThat(kept.get("children").get(0).get("commentID").asString()).isEqualTo(replyId);
		assertThat(client.get("/articles/" + articleId, null, Map.of()).data().get("comments").asLong()).isEqualTo(2);

		// The author blacklists bob: no more likes, collections or comments from him, but
		// he can take his like and his collection back.
		Answer block = client.post("/users/blacklist", Map.of("target", bob.id()), alice.token());
		assertThat(block.data().get("blocked").asBoolean()).isTrue();
		assertBlocked(client.put("/articles/" + articleId + "/likes", Map.of("status", 1), bob.token()));
		assertBlocked(client.put("/articles/" + articleId + "/collections", Map.of("status", 1), bob.token()));
		assertBlocked(client.post("/articles/" + articleId + "/comments", Map.of("content", "hey"), bob.token()));
		assertBlocked(client.post("/articles/" + articleId + "/comments", Map.of("content", "hey", "parentID", replyId),
				bob.token()));
		Answer unliked = client.put("/articles/" + articleId + "/likes", Map.of("status", 0), bob.token());
		assertThat(unliked.errCode()).as(unliked.body().toString()).isZero();
		assertThat(unliked.data().get("likeStatus").asInt()).isZero();
		assertThat(unliked.data().get("likes").asLong()).isZero();
		Answer uncollected = client.put("/articles/" + articleId + "/collections", Map.of("status", 0), bob.token());
		assertThat(uncollected.errCode()).as(uncollected.body().toString()).isZero();
		assertThat(uncollected.data().get("collects").asLong()).isZero();
		assertThat(find(client.get("/articles/likes", bob.token(), Map.of()), articleId)).isNull();
		assertThat(find(client.get("/articles/collections", bob.token(), Map.of()), articleId)).isNull();

		// The author's own marks need no blacklist check; the lists skip a deleted
		// article.
		assertThat(client.put("/articles/" + articleId + "/likes", Map.of("status", 1), alice.token()).errCode())
			.isZero();
		assertThat(client.put("/articles/" + articleId + "/collections", Map.of("status", 1), alice.token()).errCode())
			.isZero();
		assertThat(find(client.get("/articles/likes", alice.token(), Map.of()), articleId)).isNotNull();

		// Delete: the owner only; then 1004 everywhere and gone from every list.
		Answer deleteByBob = client.delete("/articles/" + articleId, bob.token());
		assertThat(deleteByBob.status()).isEqualTo(403);
		assertThat(deleteByBob.errCode()).isEqualTo(1002);
		Answer deleted = client.delete("/articles/" + articleId, alice.token());
		assertThat(deleted.errCode()).as(deleted.body().toString()).isZero();
		Answer gone = client.get("/articles/" + articleId, null, Map.of());
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.errCode()).isEqualTo(1004);
		assertThat(client.put("/articles/" + articleId + "/likes", Map.of("status", 1), alice.token()).errCode())
			.isEqualTo(1004);
		assertThat(client.get("/articles/" + articleId + "/comments", null, Map.of()).errCode()).isEqualTo(1004);
		assertThat(client.put("/articles/" + articleId + "/hits", null, null).errCode()).isEqualTo(1004);
		assertThat(client.delete("/articles/" + articleId, alice.token()).errCode()).isEqualTo(1004);
		for (String list : List.of("/articles/new?size=50", "/articles/hot?size=50",
				"/articles/users/" + alice.id() + "?size=50")) {
			assertThat(ids(client.get(list, null, Map.of()))).as(list).doesNotContain(articleId).contains(quiet);
		}
		assertThat(ids(client.get("/articles/mine", alice.token(), Map.of()))).containsExactly(quiet);
		assertThat(ids(client.get("/articles/likes", alice.token(), Map.of()))).isEmpty();
		assertThat(ids(client.get("/articles/collections", alice.token(), Map.of()))).isEmpty();
	}

	/**
	 * The gateway removes identity headers a client sends: without a token they open
	 * nothing, with one they never change who writes.
	 */
	@Test
	@Order(2)
	void forgedIdentityHeadersNeitherOpenNorRedirectAWrite() throws Exception {
		SignedInUser victim = SignedInUser.register(running);
		SignedInUser attacker = SignedInUser.register(running);
		Map<String, Object> draft = Map.of("title", "Not mine", "content", "forged");
		Map<String, String> forged = Map.of("X-SignedInUser-ID", victim.id(), "userID", victim.id(), "X-Internal-Auth",
				"v1:gateway:1:x");

		Answer anonymous = client.send("POST", "/articles", draft, null, forged);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.errCode()).isEqualTo(1001);
		assertThat(anonymous.body().get("errDlt").asString()).isEqualTo("token is empty");
		assertThat(ids(client.get("/articles/users/" + victim.id(), null, Map.of()))).isEmpty();
		assertThat(ids(client.get("/articles/mine", victim.token(), Map.of()))).isEmpty();

		Answer signedIn = client.send("POST", "/articles", draft, attacker.token(), forged);
		assertThat(signedIn.errCode()).as(signedIn.body().toString()).isZero();
		Answer detail = client.get("/articles/" + signedIn.text("articleID"), null, Map.of());
		assertThat(detail.data().get("author").get("userID").asString()).isEqualTo(attacker.id());
		assertThat(ids(client.get("/articles/users/" + victim.id(), null, Map.of()))).isEmpty();
	}

	@Test
	@Order(3)
	void internalRoutesAreNotRoutedByTheGateway() throws Exception {
		Answer get = client.get("/internal/users/batch", null, Map.of());
		assertThat(get.status()).isEqualTo(404);
		assertThat(get.errCode()).isEqualTo(1004);
		Answer post = client.post("/internal/users/batch", Map.of("userIDs", List.of("1")), null);
		assertThat(post.status()).isEqualTo(404);
		assertThat(post.errCode()).isEqualTo(1004);
		Answer check = client.post("/internal/users/blacklist/check", Map.of("pairs", List.of()), null);
		assertThat(check.status()).isEqualTo(404);
	}

	/**
	 * docs/api.md section 1: lists that embed users still answer while user-service is
	 * down, with empty names. user-service is started again before this returns, whatever
	 * happened, so the journeys of other classes that share the suite find it up.
	 */
	@Test
	@Order(10)
	void listsAnswerWithEmptyNamesWhileUserServiceIsDown() throws Exception {
		SignedInUser alice = SignedInUser.register(running);
		SignedInUser bob = SignedInUser.register(running);
		String articleId = client.post("/articles", Map.of("title", "Outage", "content", "still here"), alice.token())
			.text("articleID");
		assertAuthor(find(client.get("/articles/new", null, Map.of()), articleId), alice);

		suite.stop("user-service");
		try {
			Answer newest = client.get("/articles/new", null, Map.of());
			assertThat(newest.status()).isEqualTo(200);
			assertThat(newest.errCode()).isZero();
			JsonNode row = find(newest, articleId);
			assertThat(row).isNotNull();
			JsonNode author = row.get("author");
			assertThat(author.get("userID").asString()).isEqualTo(alice.id());
			assertThat(author.get("username").asString()).isEmpty();
			assertThat(author.get("nickname").asString()).isEmpty();
			assertThat(author.get("avatarUrl").asString()).isEmpty();
			Answer detail = client.get("/articles/" + articleId, bob.token(), Map.of());
			assertThat(detail.errCode()).isZero();
			assertThat(detail.data().get("author").get("nickname").asString()).isEmpty();
			// Whether alice blacklisted bob cannot be known: the like is refused, not
			// allowed.
			Answer like = client.put("/articles/" + articleId + "/likes", Map.of("status", 1), bob.token());
			assertThat(like.status()).isEqualTo(503);
			assertThat(like.errCode()).isEqualTo(1006);
		}
		finally {
			suite.start("user-service");
			suite.awaitHealthy("user-service");
		}
		// article-service's breaker towards user-service closes again within seconds.
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> alice.name()
				.equals(find(client.get("/articles/new", null, Map.of()), articleId).get("author")
					.get("nickname")
					.asString()));
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> client.put("/articles/" + articleId + "/likes", Map.of("status", 1), bob.token())
				.errCode() == 0);
		assertThat(running.awaitProfile(bob.token()).text("userID")).isEqualTo(bob.id());
	}

	private static long hit(String articleId, String token) throws Exception {
		Answer answer = client.put("/articles/" + articleId + "/hits", null, token);
		assertThat(answer.errCode()).as(answer.body().toString()).isZero();
		return answer.data().get("hits").asLong();
	}

	private static void assertAuthor(JsonNode withAuthor, SignedInUser user) {
		assertThat(withAuthor).isNotNull();
		JsonNode author = withAuthor.get("author");
		assertThat(author.get("userID").asString()).isEqualTo(user.id());
		assertThat(author.get("username").asString()).isEqualTo(user.name());
		assertThat(author.get("nickname").asString()).isEqualTo(user.name());
	}

	private static void assertBlocked(Answer answer) {
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(403);
		assertThat(answer.errCode()).isEqualTo(1302);
	}

	private static List<String> ids(Answer list) {
		assertThat(list.errCode()).as(list.body().toString()).isZero();
		List<String> ids = new ArrayList<>();
		for (JsonNode row : list.data().get("list")) {
			ids.add(row.get("articleID").asString());
		}
		return ids;
	}

	private static JsonNode find(Answer list, String articleId) {
		assertThat(list.errCode()).as(list.body().toString()).isZero();
		for (JsonNode row : list.data().get("list")) {
			if (row.get("articleID").asString().equals(articleId)) {
				return row;
			}
		}
		return null;
	}

}
