package com.contentsuite.user.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.contentsuite.common.redis.RedisNamespace;
import com.contentsuite.testsupport.ServiceApi.Reply;
import com.contentsuite.user.UserServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/api.md section 7 on user-service: storing the siblings' events (idempotent, no
 * self-notifications, none from a blacklisted actor), its own follow events, the list,
 * the unread count (Redis equal to the rows, rebuilt on a miss) and reading.
 */
class NotificationsIntegrationTests extends UserServiceIntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private RedisNamespace namespace;

	@Autowired
	private UnreadCounts counts;

	private Reply deliver(String... events) {
		return this.api.internal("/internal/users/notifications", "{\"events\": [" + String.join(",", events) + "]}");
	}

	private static String like(long recipient, long actor, long article, String excerpt) {
		return "{\"eventID\": \"article-service:outbox_event:" + article + "\", \"type\": \"article_like\","
				+ " \"recipientID\": \"" + recipient + "\", \"actorID\": " + actor + ", \"articleID\": \"" + article
				+ "\", \"excerpt\": \"" + excerpt + "\", \"createTime\": \"2026-12-02T10:00:00.123Z\"}";
	}

	private static String comment(long recipient, long actor, long article, long comment, String excerpt) {
		return "{\"type\": \"article_comment\", \"recipientID\": \"" + recipient + "\", \"actorID\": \"" + actor
				+ "\", \"articleID\": \"" + article + "\", \"commentID\": \"" + comment + "\", \"excerpt\": \""
				+ excerpt + "\"}";
	}

	private long unread(long userId) {
		Reply reply = this.api.get("/users/notifications/unread", userId);
		assertThat(reply.errCode()).as(reply.body()).isZero();
		return reply.data().get("unread").asLong();
	}

	private JsonNode list(long userId, String query) {
		Reply reply = this.api.get("/users/notifications" + query, userId);
		assertThat(reply.errCode()).as(reply.body()).isZero();
		return reply.data();
	}

	private Reply read(long userId, String body) {
		return this.api.send("POST", "/users/notifications/read", com.contentsuite.testsupport.ServiceApi.GATEWAY,
				userId, body);
	}

	private long rows(long userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = ? AND is_read = FALSE")
			.params(userId)
			.query(Long.class)
			.single();
	}

	@Test
	void storedEventsAreListedNewestFirstWithTheActorAndCountedUnread() {
		long author = syncedUser();
		long actor = syncedUser();
		Reply stored = deliver(like(author, actor, 501, "A title"), comment(author, actor, 501, 77, "nice one"));
		assertThat(stored.errCode()).as(stored.body()).isZero();
		assertThat(stored.data().get("stored").asInt()).isEqualTo(2);

		JsonNode page = list(author, "");
		assertThat(page.get("list")).hasSize(2);
		JsonNode newest = page.get("list").get(0);
		assertThat(newest.get("type").asString()).isEqualTo("article_comment");
		assertThat(newest.get("commentID").asString()).isEqualTo("77");
		assertThat(newest.get("articleID").asString()).isEqualTo("501");
		assertThat(newest.has("postID")).isFalse();
		assertThat(newest.get("excerpt").asString()).isEqualTo("nice one");
		assertThat(newest.get("read").asBoolean()).isFalse();
		assertThat(newest.get("actor").get("userID").asString()).isEqualTo(Long.toString(actor));
		assertThat(newest.get("actor").get("nickname").asString()).isEqualTo("nick" + actor);
		JsonNode older = page.get("list").get(1);
		assertThat(older.get("type").asString()).isEqualTo("article_like");
		assertThat(older.get("createTime").asString()).isEqualTo("2026-12-02T10:00:00.123Z");
		assertThat(older.has("commentID")).isFalse();
		assertThat(page.get("hasMore").asBoolean()).isFalse();
		assertThat(unread(author)).isEqualTo(2);
		assertThat(list(author, "?page=2&size=1").get("list").get(0).get("type").asString()).isEqualTo("article_like");
	}

	@Test
	void aRetriedOrRepeatedEventIsOneNotification() {
		long author = syncedUser();
		long actor = syncedUser();
		assertThat(deliver(like(author, actor, 502, "t")).data().get("stored").asInt()).isEqualTo(1);
		// The same event again (a delivery retried after a timeout), and a like after an
		// unlike (a new event of the same action).
		assertThat(deliver(like(author, actor, 502, "t"), like(author, actor, 502, "t")).data().get("stored").asInt())
			.isZero();
		assertThat(list(author, "").get("list")).hasSize(1);
		assertThat(unread(author)).isEqualTo(1);
	}

	@Test
	void nothingIsNotifiedForOnesOwnContentNorFromABlacklistedActor() {
		long author = syncedUser();
		long blocked = syncedUser();
		long other = syncedUser();
		assertThat(this.api
			.send("POST", "/users/blacklist", com.contentsuite.testsupport.ServiceApi.GATEWAY, author,
					"{\"target\": \"" + blocked + "\"}")
			.errCode()).isZero();
		Reply reply = deliver(like(author, author, 503, "mine"), like(author, blocked, 503, "t"),
				like(author, other, 503, "t"));
		assertThat(reply.data().get("stored").asInt()).isEqualTo(1);
		JsonNode list = list(author, "").get("list");
		assertThat(list).hasSize(1);
		assertThat(list.get(0).get("actor").get("userID").asString()).isEqualTo(Long.toString(other));
		assertThat(unread(author)).isEqualTo(1);
	}

	@Test
	void aBadEventRefusesTheWholeCallAndStoresNothing() {
		long author = syncedUser();
		long actor = syncedUser();
		Reply reply = deliver(like(author, actor, 504, "t"),
				"{\"type\": \"poke\", \"recipientID\": \"" + author + "\", \"actorID\": \"" + actor + "\"}");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.errCode()).isEqualTo(1001);
		Reply noArticle = deliver(
				"{\"type\": \"article_like\", \"recipientID\": \"" + author + "\", \"actorID\": \"" + actor + "\"}");
		assertThat(noArticle.errCode()).isEqualTo(1001);
		assertThat(noArticle.errDlt()).contains("articleID");
		assertThat(rows(author)).isZero();
		assertThat(unread(author)).isZero();
	}

	@Test
	void theExcerptIsAtMostFiftyCharacters() {
		long author = syncedUser();
		long actor = syncedUser();
		String long60 = supplementaryCjk(60);
		deliver(comment(author, actor, 505, 88, long60));
		String excerpt = list(author, "").get("list").get(0).get("excerpt").asString();
		assertThat(excerpt.codePointCount(0, excerpt.length())).isEqualTo(50);
		assertThat(long60).startsWith(excerpt);
	}

	@Test
	void aFollowNotifiesTheTargetOnceThroughTheOutbox() {
		long follower = syncedUser();
		long target = syncedUser();
		follow(follower, target);
		await().atMost(Duration.ofSeconds(20)).until(() -> unread(target) == 1);
		this.api.send("DELETE", "/users/followings/" + target, com.contentsuite.testsupport.ServiceApi.GATEWAY,
				follower, null);
		follow(follower, target);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc
				.sql("SELECT COUNT(*) FROM outbox_event WHERE delivered_at IS NULL AND aggregate_key LIKE ?")
				.params("follow:" + target + ":%")
				.query(Long.class)
				.single() == 0);
		JsonNode list = list(target, "").get("list");
		assertThat(list).hasSize(1);
		assertThat(list.get(0).get("type").asString()).isEqualTo("follow");
		assertThat(list.get(0).get("actor").get("userID").asString()).isEqualTo(Long.toString(follower));
		assertThat(list.get(0).get("excerpt").asString()).isEmpty();
		assertThat(unread(target)).isEqualTo(1);
	}

	private void follow(long follower, long target) {
		Reply reply = this.api.send("POST", "/users/followings", com.contentsuite.testsupport.ServiceApi.GATEWAY,
				follower, "{\"target\": \"" + target + "\"}");
		assertThat(reply.errCode()).as(reply.body()).isZero();
	}

	@Test
	void readingOneAndThenAllAnswersTheNewCount() {
		long author = syncedUser();
		long actor = syncedUser();
		deliver(like(author, actor, 506, "t"), comment(author, actor, 506, 90, "a"),
				comment(author, actor, 506, 91, "b"));
		String oldest = list(author, "").get("list").get(2).get("notificationID").asString();

		Reply one = read(author, "{\"notificationID\": \"" + oldest + "\"}");
		assertThat(one.errCode()).as(one.body()).isZero();
		assertThat(one.data().get("unread").asLong()).isEqualTo(2);
		assertThat(read(author, "{\"notificationID\": " + oldest + "}").data().get("unread").asLong()).as("read twice")
			.isEqualTo(2);
		assertThat(list(author, "").get("list").get(2).get("read").asBoolean()).isTrue();

		long stranger = syncedUser();
		Reply others = read(stranger, "{\"notificationID\": \"" + oldest + "\"}");
		assertThat(others.status()).isEqualTo(404);
		assertThat(others.errCode()).isEqualTo(1004);
		assertThat(read(author, "{\"notificationID\": \"x1\"}").errCode()).isEqualTo(1001);

		Reply all = read(author, "{}");
		assertThat(all.data().get("unread").asLong()).isZero();
		assertThat(unread(author)).isZero();
		assertThat(rows(author)).isZero();
		deliver(comment(author, actor, 506, 92, "c"));
		assertThat(unread(author)).isEqualTo(1);
		assertThat(read(author, null).data().get("unread").asLong()).as("no body: all read").isZero();
	}

	@Test
	void theCountIsRebuiltFromTheRowsWhenRedisLostIt() {
		long author = syncedUser();
		long actor = syncedUser();
		deliver(like(author, actor, 507, "t"), comment(author, actor, 507, 93, "a"));
		assertThat(unread(author)).isEqualTo(2);
		this.redis.delete(this.counts.set(author));
		assertThat(unread(author)).isEqualTo(2);
		assertThat(this.redis.opsForSet().size(this.counts.set(author))).as("ids and the complete mark").isEqualTo(3);
	}

	@Test
	void theCountEqualsTheRowsUnderConcurrentStoresReadsAndRebuilds() throws Exception {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		long author = syncedUser();
		List<Long> actors = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			actors.add(syncedUser());
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int i = 0; i < 160; i++) {
				long actor = actors.get(random.nextInt(actors.size()));
				int kind = random.nextInt(10);
				long comment = 10_000 + i;
				work.add(pool.submit(() -> {
					if (kind < 6) {
						deliver(comment(author, actor, 508, comment, "x"));
					}
					else if (kind < 7) {
						read(author, "{}");
					}
					else if (kind < 8) {
						this.redis.delete(this.counts.set(author));
					}
					else {
						unread(author);
					}
				}));
			}
			for (Future<?> f : work) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(unread(author)).as("seed %d", seed).isEqualTo(rows(author));
		this.redis.delete(this.counts.set(author));
		assertThat(unread(author)).as("seed %d, rebuilt", seed).isEqualTo(rows(author));
	}

}
