package com.contentsuite.e2e.journey;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.contentsuite.e2e.journey.Client.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Moments through the gateway against the packaged jars (docs/api.md section 5): a
 * picture uploaded and served back, a post with it in the feed of a follower, likes, the
 * three visibilities, comments and replies, the author's blacklist, deletion, the like
 * contract's error body, identity headers a client forges, the unrouted internal paths,
 * and someone else's post while user-service is down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(RunningSuite.Resolver.class)
class MomentsJourneyTests {

	private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, Object> PAGE = Map.of("pageNumber", 1, "showNumber", 50);

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
	void aPostWithAPictureIsFedLikedHiddenBlockedAndDeleted() throws Exception {
		SignedInUser alice = SignedInUser.register(running);
		SignedInUser bob = SignedInUser.register(running);
		SignedInUser carol = SignedInUser.register(running);
		SignedInUser dave = SignedInUser.register(running);

		// bob follows alice; carol follows nobody.
		Answer follow = client.post("/users/followings", Map.of("target", alice.id()), bob.token());
		assertThat(follow.errCode()).as(follow.body().toString()).isZero();

		// The picture: uploaded, answered as a URL through the gateway, served back
		// without a token, re-encoded as the PNG it is.
		Answer uploaded = client.upload("/chatx/moments/images", "image", "holiday.png", "image/png", png(40, 30),
				alice.token());
		assertThat(uploaded.errCode()).as(String.valueOf(uploaded.body())).isZero();
		String imageUrl = uploaded.text("url");
		assertThat(imageUrl).startsWith(suite.gatewayUrl() + "/files/moments/" + alice.id() + "/")
			.matches(".*/files/moments/\\d+/[0-9a-f]{64}\\.png");
		HttpResponse<byte[]> file = client.raw(imageUrl.substring(suite.gatewayUrl().length()));
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
		assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		BufferedImage served = ImageIO.read(new ByteArrayInputStream(file.body()));
		assertThat(served).isNotNull();
		assertThat(served.getWidth()).isEqualTo(40);
		assertThat(served.getHeight()).isEqualTo(30);
		Answer notAnImage = client.upload("/chatx/moments/images", "image", "x.png", "image/png", "hello".getBytes(),
				alice.token());
		assertThat(notAnImage.status()).isEqualTo(415);
		assertThat(notAnImage.errCode()).isEqualTo(1001);

		// Publish: a double-tapped publish makes one post.
		Map<String, String> key = Map.of("Idempotency-Key", "e2e-" + UUID.randomUUID());
		Map<String, Object> draft = Map.of("content", "Sunset at the harbour", "images", List.of(imageUrl));
		Answer published = client.send("POST", "/chatx/moments/publish", draft, alice.token(), key);
		assertThat(published.errCode()).as(published.body().toString()).isZero();
		String postId = published.text("postID");
		assertThat(postId).matches("\\d+");
		Answer replayed = client.send("POST", "/chatx/moments/publish", draft, alice.token(), key);
		assertThat(replayed.errCode()).as(replayed.body().toString()).isZero();
		assertThat(replayed.text("postID")).isEqualTo(postId);
		assertThat(ids(list("/chatx/moments/user", Map.of("userID", alice.id(), "pagination", PAGE), alice)))
			.containsExactly(postId);

		JsonNode seenByBob = get(postId, bob);
		assertThat(seenByBob.get("postID").asString()).isEqualTo(postId);
		assertThat(seenByBob.get("content").asString()).isEqualTo("Sunset at the harbour");
		assertThat(texts(seenByBob.get("images"))).containsExactly(imageUrl);
		assertThat(seenByBob.get("visibility").asInt()).isZero();
		assertThat(seenByBob.get("likeCount").asLong()).isZero();
		assertThat(seenByBob.get("liked").asBoolean()).isFalse();
		assertThat(seenByBob.get("commentCount").asLong()).isZero();
		assertThat(seenByBob.get("comments").size()).isZero();
		assertThat(seenByBob.get("createTime").asString()).matches(TIME);
		assertBrief(seenByBob.get("author"), alice);

		// The follower's feed shows it, with the author's names from user-service; so
		// does the author's own.
		JsonNode inBobsFeed = find(feed(bob), postId);
		assertThat(inBobsFeed).as("bob follows alice").isNotNull();
		assertBrief(inBobsFeed.get("author"), alice);
		assertThat(texts(inBobsFeed.get("images"))).containsExactly(imageUrl);
		assertThat(find(feed(alice), postId)).isNotNull();
		assertThat(find(feed(carol), postId)).as("carol follows nobody").isNull();

		// Likes: the count after each call, idempotent both ways.
		assertThat(like(postId, bob, false)).isEqualTo(1);
		assertThat(like(postId, bob, false)).as("liking twice stores one like").isEqualTo(1);
		assertThat(like(postId, carol, null)).as("cancel absent likes").isEqualTo(2);
		JsonNode liked = get(postId, bob);
		assertThat(liked.get("likeCount").asLong()).isEqualTo(2);
		assertThat(liked.get("liked").asBoolean()).isTrue();
		assertThat(get(postId, alice).get("liked").asBoolean()).as("liked is the viewer's own").isFalse();
		JsonNode likers = list("/chatx/moments/likes", Map.of("postID", postId, "pagination", PAGE), alice).get("list");
		assertThat(likers.size()).isEqualTo(2);
		assertBrief(likers.get(0), carol);
		assertBrief(likers.get(1), bob);
		assertThat(like(postId, bob, true)).isEqualTo(1);
		assertThat(like(postId, bob, true)).as("un-liking without a like is a success").isEqualTo(1);
		JsonNode unliked = get(postId, bob);
		assertThat(unliked.get("liked").asBoolean()).isFalse();
		assertThat(unliked.get("likeCount").asLong()).isEqualTo(1);

		// Visibility 1: followers only. Visibility 2: the author only.
		String forFollowers = publish(alice, "Only for my followers", 1);
		String forMe = publish(alice, "Only for me", 2);
		assertThat(get(forFollowers, bob).get("visibility").asInt()).isEqualTo(1);
		assertNotFound(client.post("/chatx/moments/get", Map.of("postID", forFollowers), carol.token()));
		assertNotFound(client.post("/chatx/moments/get", Map.of("postID", forMe), bob.token()));
		assertNotFound(client.post("/chatx/moments/get", Map.of("postID", forMe), carol.token()));
		assertThat(get(forMe, alice).get("visibility").asInt()).isEqualTo(2);
		Map<String, Object> alicesPosts = Map.of("userID", alice.id(), "pagination", PAGE);
		assertThat(ids(list("/chatx/moments/user", alicesPosts, carol))).containsExactly(postId);
		assertThat(ids(list("/chatx/moments/user", alicesPosts, bob))).containsExactly(forFollowers, postId);
		assertThat(ids(list("/chatx/moments/user", alicesPosts, alice))).containsExactly(forMe, forFollowers, postId);
		assertThat(ids(feed(bob))).containsExactly(forFollowers, postId);
		assertThat(ids(feed(alice))).containsExactly(forMe, forFollowers, postId);
		assertNotFound(client.post("/chatx/moments/like", Map.of("postID", forMe), bob.token()));

		// The author blacklists dave, who followed her and saw her posts until then.
		assertThat(client.post("/users/followings", Map.of("target", alice.id()), dave.token()).errCode()).isZero();
		assertThat(get(forFollowers, dave).get("postID").asString()).isEqualTo(forFollowers);
		assertThat(ids(feed(dave))).containsExactly(forFollowers, postId);
		Answer block = client.post("/users/blacklist", Map.of("target", dave.id()), alice.token());
		assertThat(block.data().get("blocked").asBoolean()).isTrue();
		for (String post : List.of(postId, forFollowers)) {
			assertNotFound(client.post("/chatx/moments/get", Map.of("postID", post), dave.token()));
			assertNotFound(client.post("/chatx/moments/like", Map.of("postID", post), dave.token()));
			assertNotFound(
					client.post("/chatx/moments/comment/add", Map.of("postID", post, "content", "hey?"), dave.token()));
		}
		assertThat(ids(list("/chatx/moments/user", alicesPosts, dave))).isEmpty();
		assertThat(ids(feed(dave))).isEmpty();
		assertThat(get(postId, carol).get("commentCount").asLong()).as("dave's comments were refused").isZero();
		assertThat(get(postId, carol).get("likeCount").asLong()).as("and his likes").isEqualTo(1);

		// Delete: the author only; then 1004 everywhere and gone from every list.
		Answer deleteByBob = client.post("/chatx/moments/delete", Map.of("postID", postId), bob.token());
		assertThat(deleteByBob.status()).isEqualTo(403);
		assertThat(deleteByBob.errCode()).isEqualTo(1002);
		Answer deleted = client.post("/chatx/moments/delete", Map.of("postID", postId), alice.token());
		assertThat(deleted.errCode()).as(deleted.body().toString()).isZero();
		assertNotFound(client.post("/chatx/moments/get", Map.of("postID", postId), alice.token()));
		assertNotFound(client.post("/chatx/moments/get", Map.of("postID", postId), bob.token()));
		assertNotFound(client.post("/chatx/moments/like", Map.of("postID", postId), bob.token()));
		assertNotFound(
				client.post("/chatx/moments/comment/add", Map.of("postID", postId, "content", "late"), bob.token()));
		assertNotFound(client.post("/chatx/moments/delete", Map.of("postID", postId), alice.token()));
		assertThat(ids(feed(bob))).containsExactly(forFollowers);
		assertThat(ids(list("/chatx/moments/user", alicesPosts, carol))).isEmpty();
	}

	/**
	 * A comment and a reply to it, embedded oldest first with their authors' names and
	 * {@code replyTo} a brief user or {@code null} (docs/api.md section 5).
	 */
	@Test
	@Order(2)
	void aCommentAndAReplyAreEmbeddedOldestFirstWithTheirUsers() throws Exception {
		SignedInUser alice = SignedInUser.register(running);
		SignedInUser bob = SignedInUser.register(running);
		SignedInUser carol = SignedInUser.register(running);
		SignedInUser dave = SignedInUser.register(running);
		String postId = publish(alice, "Comment on this", 0);

		String bobsComment = comment(postId, bob, "Beautiful!", null);
		String alicesReply = comment(postId, alice, "Thanks, it was", bob.id());
		Answer replyToStranger = client.post("/chatx/moments/comment/add",
				Map.of("postID", postId, "content", "hi", "replyToUserID", dave.id()), carol.token());
		assertThat(replyToStranger.status()).as("dave never commented").isEqualTo(400);
		assertThat(replyToStranger.errCode()).isEqualTo(1001);
		JsonNode commented = get(postId, carol);
		assertThat(commented.get("commentCount").asLong()).isEqualTo(2);
		assertThat(commentIds(commented)).containsExactly(bobsComment, alicesReply);
		assertThat(commented.get("comments").get(0).get("content").asString()).isEqualTo("Beautiful!");
		assertThat(commented.get("comments").get(0).get("createTime").asString()).matches(TIME);
		assertThat(commented.get("comments").get(1).get("content").asString()).isEqualTo("Thanks, it was");

		// Deletion: the comment's author (or the post's); then it is gone and not
		// counted.
		Answer notTheirs = client.post("/chatx/moments/comment/del", Map.of("commentID", bobsComment), carol.token());
		assertThat(notTheirs.status()).isEqualTo(403);
		assertThat(notTheirs.errCode()).isEqualTo(1002);
		Answer deleted = client.post("/chatx/moments/comment/del", Map.of("commentID", bobsComment), bob.token());
		assertThat(deleted.errCode()).as(deleted.body().toString()).isZero();
		JsonNode afterDelete = get(postId, carol);
		assertThat(afterDelete.get("commentCount").asLong()).isEqualTo(1);
		assertThat(commentIds(afterDelete)).containsExactly(alicesReply);
		JsonNode reply = afterDelete.get("comments").get(0);
		assertBrief(reply.get("author"), alice);
		assertBrief(reply.get("replyTo"), bob);
		assertBrief(afterDelete.get("author"), alice);

		// A comment that replies to nobody: replyTo is null and every name is still
		// there.
		String bobsSecond = comment(postId, bob, "Again!", null);
		JsonNode withPlain = get(postId, carol);
		assertThat(commentIds(withPlain)).containsExactly(alicesReply, bobsSecond);
		JsonNode plain = withPlain.get("comments").get(1);
		assertThat(plain.has("replyTo")).as("replyTo is written as null").isTrue();
		assertThat(plain.get("replyTo").isNull()).as("a comment that replies to nobody: " + plain).isTrue();
		assertBrief(plain.get("author"), bob);
		assertBrief(withPlain.get("comments").get(0).get("author"), alice);
		assertBrief(withPlain.get("comments").get(0).get("replyTo"), bob);
		assertBrief(withPlain.get("author"), alice);
		JsonNode inFeed = find(feed(alice), postId);
		assertThat(inFeed.get("comments").get(1).get("replyTo").isNull()).isTrue();
		assertBrief(inFeed.get("comments").get(1).get("author"), bob);
	}

	/**
	 * The published chatx like contract: a missing or empty postID is exactly this
	 * document, nothing more, nothing less.
	 */
	@Test
	@Order(3)
	void theLikeContractsErrorBodyForAMissingPostIdIsExact() throws Exception {
		SignedInUser alice = SignedInUser.register(running);
		JsonNode expected = JSON
			.readTree("{\"errCode\":1001,\"errMsg\":\"ArgsError\",\"errDlt\":\"postID and userID are required\"}");
		Map<String, Object> emptyPostId = Map.of("postID", "");
		Map<String, Object> forgedUserId = Map.of("userID", alice.id(), "cancel", false);
		for (Map<String, Object> body : List.of(Map.<String, Object>of(), emptyPostId, forgedUserId)) {
			Answer answer = client.post("/chatx/moments/like", body, alice.token());
			assertThat(answer.status()).as(body.toString()).isEqualTo(400);
			assertThat(answer.body()).as(body.toString()).isEqualTo(expected);
		}
		Map<String, Object> nullPostId = new HashMap<>();
		nullPostId.put("postID", null);
		Answer answer = client.post("/chatx/moments/like", nullPostId, alice.token());
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).isEqualTo(expected);
	}

	/**
	 * Every moments route needs a token; identity headers a client sends never open a
	 * route nor change whose post, like or comment it is.
	 */
	@Test
	@Order(4)
	void everyRouteNeedsATokenAndForgedIdentityHeadersAreIgnored() throws Exception {
		SignedInUser victim = SignedInUser.register(running);
		SignedInUser attacker = SignedInUser.register(running);
		Map<String, String> forged = Map.of("X-SignedInUser-ID", victim.id(), "userID", victim.id(), "X-Internal-Auth",
				"v1:gateway:1:x");

		Map<String, Object> draft = Map.of("content", "forged", "userID", victim.id());
		for (String path : List.of("/chatx/moments/publish", "/chatx/moments/feed", "/chatx/moments/get",
				"/chatx/moments/like")) {
			for (Map<String, String> headers : List.of(Map.<String, String>of(), forged)) {
				Answer anonymous = client.send("POST", path, draft, null, headers);
				assertThat(anonymous.status()).as(path).isEqualTo(401);
				assertThat(anonymous.errCode()).isEqualTo(1001);
				assertThat(anonymous.body().get("errDlt").asString()).isEqualTo("token is empty");
			}
		}
		Answer anonymousUpload = client.upload("/chatx/moments/images", "image", "a.png", "image/png", png(8, 8), null);
		assertThat(anonymousUpload.status()).isEqualTo(401);
		assertThat(anonymousUpload.errCode()).isEqualTo(1001);
		assertThat(ids(list("/chatx/moments/user", Map.of("userID", victim.id(), "pagination", PAGE), victim)))
			.isEmpty();

		// Signed in: the token's user writes, whatever the headers and the body say.
		Answer published = client.send("POST", "/chatx/moments/publish", draft, attacker.token(), forged);
		assertThat(published.errCode()).as(published.body().toString()).isZero();
		String postId = published.text("postID");
		assertThat(get(postId, attacker).get("author").get("userID").asString()).isEqualTo(attacker.id());
		assertThat(ids(list("/chatx/moments/user", Map.of("userID", victim.id(), "pagination", PAGE), victim)))
			.isEmpty();
		assertThat(ids(list("/chatx/moments/user", Map.of("userID", attacker.id(), "pagination", PAGE), victim)))
			.containsExactly(postId);

		Answer liked = client.send("POST", "/chatx/moments/like", Map.of("postID", postId, "userID", victim.id()),
				attacker.token(), forged);
		assertThat(liked.errCode()).as(liked.body().toString()).isZero();
		assertThat(get(postId, attacker).get("liked").asBoolean()).isTrue();
		assertThat(get(postId, victim).get("liked").asBoolean()).isFalse();
		JsonNode likers = list("/chatx/moments/likes", Map.of("postID", postId, "pagination", PAGE), victim)
			.get("list");
		assertThat(likers.size()).isEqualTo(1);
		assertThat(likers.get(0).get("userID").asString()).isEqualTo(attacker.id());

		Answer commented = client.send("POST", "/chatx/moments/comment/add",
				Map.of("postID", postId, "content", "mine", "userID", victim.id()), attacker.token(), forged);
		assertThat(commented.errCode()).as(commented.body().toString()).isZero();
		JsonNode comment = get(postId, victim).get("comments").get(0);
		assertThat(comment.get("author").get("userID").asString()).isEqualTo(attacker.id());

		// A forged header does not let the victim's post be deleted by someone else.
		String victimsPost = publish(victim, "my own", 0);
		Answer deleted = client.send("POST", "/chatx/moments/delete", Map.of("postID", victimsPost), attacker.token(),
				forged);
		assertThat(deleted.status()).isEqualTo(403);
		assertThat(deleted.errCode()).isEqualTo(1002);
		assertThat(get(victimsPost, victim).get("postID").asString()).isEqualTo(victimsPost);
	}

	@Test
	@Order(5)
	void momentsInternalPathsAreNotRoutedByTheGateway() throws Exception {
		SignedInUser alice = SignedInUser.register(running);
		for (String path : List.of("/internal/moments/posts", "/internal/moments/publish", "/internal/users/relations",
				"/internal/users/followings/ids")) {
			Answer get = client.get(path, alice.token(), Map.of());
			assertThat(get.status()).as(path).isEqualTo(404);
			assertThat(get.errCode()).isEqualTo(1004);
			Answer post = client.post(path, Map.of("viewer", alice.id(), "userIDs", List.of(alice.id())),
					alice.token());
			assertThat(post.status()).as(path).isEqualTo(404);
			assertThat(post.errCode()).isEqualTo(1004);
		}
	}

	/**
	 * While user-service is down, whether bob may see alice's post cannot be known: 503
	 * 1006, not a guess. His own post needs no relation and is published. user-service is
	 * started again before this returns, whatever happened, so the journeys of other
	 * classes that share the suite find it up.
	 */
	@Test
	@Order(10)
	void someoneElsesPostIsUnavailableButYourOwnIsPublishedWhileUserServiceIsDown() throws Exception {
		SignedInUser alice = SignedInUser.register(running);
		SignedInUser bob = SignedInUser.register(running);
		String alicesPost = publish(alice, "Before the outage", 0);
		assertBrief(get(alicesPost, bob).get("author"), alice);

		String bobsPost;
		suite.stop("user-service");
		try {
			Answer unknowable = client.post("/chatx/moments/get", Map.of("postID", alicesPost), bob.token());
			assertThat(unknowable.status()).as(unknowable.body().toString()).isEqualTo(503);
			assertThat(unknowable.errCode()).isEqualTo(1006);
			Answer published = client.post("/chatx/moments/publish", Map.of("content", "During the outage"),
					bob.token());
			assertThat(published.status()).as(published.body().toString()).isEqualTo(200);
			assertThat(published.errCode()).isZero();
			bobsPost = published.text("postID");
			Answer own = client.post("/chatx/moments/get", Map.of("postID", bobsPost), bob.token());
			assertThat(own.errCode()).as(own.body().toString()).isZero();
			assertThat(own.data().get("content").asString()).isEqualTo("During the outage");
			JsonNode author = own.data().get("author");
			assertThat(author.get("userID").asString()).isEqualTo(bob.id());
			assertThat(author.get("username").asString()).as("names degrade to \"\"").isEmpty();
			assertThat(author.get("nickname").asString()).isEmpty();
			assertThat(author.get("avatarUrl").asString()).isEmpty();
		}
		finally {
			suite.start("user-service");
			suite.awaitHealthy("user-service");
		}
		// moments-service's breaker towards user-service closes again within seconds.
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> client.post("/chatx/moments/get", Map.of("postID", alicesPost), bob.token()).errCode() == 0);
		assertBrief(get(alicesPost, bob).get("author"), alice);
		assertThat(ids(list("/chatx/moments/user", Map.of("userID", bob.id(), "pagination", PAGE), alice)))
			.containsExactly(bobsPost);
		assertThat(running.awaitProfile(bob.token()).text("userID")).isEqualTo(bob.id());
	}

	private static String publish(SignedInUser author, String content, int visibility) throws Exception {
		Answer answer = client.post("/chatx/moments/publish", Map.of("content", content, "visibility", visibility),
				author.token());
		assertThat(answer.errCode()).as(answer.body().toString()).isZero();
		return answer.text("postID");
	}

	private static JsonNode get(String postId, SignedInUser viewer) throws Exception {
		Answer answer = client.post("/chatx/moments/get", Map.of("postID", postId), viewer.token());
		assertThat(answer.errCode()).as(answer.body().toString()).isZero();
		return answer.data();
	}

	private static long like(String postId, SignedInUser user, Boolean cancel) throws Exception {
		Map<String, Object> body = (cancel != null) ? Map.of("postID", postId, "cancel", cancel)
				: Map.of("postID", postId);
		Answer answer = client.post("/chatx/moments/like", body, user.token());
		assertThat(answer.errCode()).as(answer.body().toString()).isZero();
		return answer.data().get("likeCount").asLong();
	}

	private static String comment(String postId, SignedInUser user, String content, String replyTo) throws Exception {
		Map<String, Object> body = (replyTo != null)
				? Map.of("postID", postId, "content", content, "replyToUserID", replyTo)
				: Map.of("postID", postId, "content", content);
		Answer answer = client.post("/chatx/moments/comment/add", body, user.token());
		assertThat(answer.errCode()).as(answer.body().toString()).isZero();
		String id = answer.text("commentID");
		assertThat(id).matches("\\d+");
		return id;
	}

	private static JsonNode feed(SignedInUser viewer) throws Exception {
		return list("/chatx/moments/feed", Map.of("pagination", PAGE), viewer);
	}

	private static JsonNode list(String path, Map<String, Object> body, SignedInUser viewer) throws Exception {
		Answer answer = client.post(path, body, viewer.token());
		assertThat(answer.errCode()).as(path + " " + answer.body()).isZero();
		assertThat(answer.data().get("hasMore").asBoolean()).isFalse();
		return answer.data();
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		for (JsonNode row : page.get("list")) {
			ids.add(row.get("postID").asString());
		}
		return ids;
	}

	private static List<String> commentIds(JsonNode post) {
		List<String> ids = new ArrayList<>();
		for (JsonNode comment : post.get("comments")) {
			ids.add(comment.get("commentID").asString());
		}
		return ids;
	}

	private static JsonNode find(JsonNode page, String postId) {
		for (JsonNode row : page.get("list")) {
			if (row.get("postID").asString().equals(postId)) {
				return row;
			}
		}
		return null;
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		for (JsonNode item : array) {
			texts.add(item.asString());
		}
		return texts;
	}

	private static void assertBrief(JsonNode brief, SignedInUser user) {
		assertThat(brief).isNotNull();
		assertThat(brief.get("userID").asString()).isEqualTo(user.id());
		assertThat(brief.get("username").asString()).isEqualTo(user.name());
		assertThat(brief.get("nickname").asString()).isEqualTo(user.name());
		assertThat(brief.has("avatarUrl")).isTrue();
	}

	private static void assertNotFound(Answer answer) {
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(404);
		assertThat(answer.errCode()).isEqualTo(1004);
	}

	private static byte[] png(int width, int height) throws Exception {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) {
				image.setRGB(x, y, new Color(x * 5 % 256, y * 7 % 256, 120).getRGB());
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
