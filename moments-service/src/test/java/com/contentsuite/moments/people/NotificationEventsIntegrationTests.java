package com.contentsuite.moments.people;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.contentsuite.common.outbox.OutboxRelay;
import com.contentsuite.moments.MomentsServiceIntegrationTest;
import com.contentsuite.testsupport.ServiceApi;
import com.contentsuite.testsupport.ServiceApi.Reply;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/api.md section 7's moment notifications as user-service receives them: a like that
 * inserted its row is {@code moment_like} to the post's author, a comment
 * {@code moment_comment} to the post's author and to the user it replies to; nothing for
 * one's own post, an un-like, a second like or a refused action; and an event waits in
 * the outbox while user-service is down. The stub is shared by every context and each
 * context numbers its posts from 1, so events of other tests are told apart by their
 * post's ID and this test's users (no two tests share a user); that an action appended
 * nothing is read from this context's outbox table itself, which holds an event as soon
 * as its action committed.
 */
@TestPropertySource(properties = { "suite.outbox.initial-backoff=100ms", "suite.outbox.max-backoff=400ms",
		"suite.outbox.poll-interval=100ms",
		"resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=200ms" })
class NotificationEventsIntegrationTests extends MomentsServiceIntegrationTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	/** The users of the running test. */
	private final Set<String> users = ConcurrentHashMap.newKeySet();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OutboxRelay relay;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@AfterEach
	void userServiceAndRelayUp() {
		USERS.up();
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
		this.relay.start();
	}

	@Test
	void aLikeTellsThePostsAuthorWithTheStartOfItsText() {
		long author = user();
		long liker = user();
		String text = "0123456789".repeat(6);
		long post = publish(author, text);

		like(post, liker);

		JsonNode event = awaitEvents(post, 1).get(0);
		assertThat(event.get("type").asString()).isEqualTo("moment_like");
		assertThat(event.get("recipientID").asString()).isEqualTo(Long.toString(author));
		assertThat(event.get("actorID").asString()).isEqualTo(Long.toString(liker));
		assertThat(event.get("postID").asString()).isEqualTo(Long.toString(post));
		assertThat(event.has("commentID")).isFalse();
		assertThat(event.has("articleID")).isFalse();
		assertThat(event.get("excerpt").asString()).isEqualTo(text.substring(0, 50));
		assertThat(event.get("eventID").asString()).isNotEmpty();
		assertThat(event.get("createTime").asString()).isNotEmpty();
	}

	@Test
	void theAuthorsOwnLikeTellsNobody() {
		long author = user();
		long liker = user();
		long post = publish(author);

		like(post, author);
		assertThat(outboxRows(post)).isZero();
		like(post, liker);

		List<JsonNode> events = awaitEvents(post, 1);
		assertThat(events).singleElement()
			.satisfies((event) -> assertThat(event.get("actorID").asString()).isEqualTo(Long.toString(liker)));
	}

	@Test
	void aSecondLikeAndAnUnlikeTellNobody() {
		long author = user();
		long liker = user();
		long other = user();
		long post = publish(author);
		like(post, liker);
		awaitEvents(post, 1);

		like(post, liker);
		ok("like", liker, "{\"postID\":\"" + post + "\",\"cancel\":true}");
		assertThat(outboxRows(post)).isEqualTo(1);
		// A later like of another user arrives after anything the two could have sent.
		like(post, other);

		List<JsonNode> events = awaitEvents(post, 2);
		assertThat(events).extracting((event) -> event.get("actorID").asString())
			.containsExactly(Long.toString(liker), Long.toString(other));
	}

	@Test
	void aCommentTellsThePostsAuthorWithItsText() {
		long author = user();
		long commenter = user();
		long post = publish(author);
		String text = "nice 👍 " + "x".repeat(60);

		long comment = comment(post, commenter, text);

		JsonNode event = awaitEvents(post, 1).get(0);
		assertThat(event.get("type").asString()).isEqualTo("moment_comment");
		assertThat(event.get("recipientID").asString()).isEqualTo(Long.toString(author));
		assertThat(event.get("actorID").asString()).isEqualTo(Long.toString(commenter));
		assertThat(event.get("postID").asString()).isEqualTo(Long.toString(post));
		assertThat(event.get("commentID").asString()).isEqualTo(Long.toString(comment));
		assertThat(event.get("excerpt").asString()).isEqualTo(text.substring(0, text.offsetByCodePoints(0, 50)))
			.hasSize(51);
	}

	@Test
	void aReplyTellsTheUserRepliedToAndThePostsAuthor() {
		long author = user();
		long alice = user();
		long bob = user();
		long post = publish(author);
		comment(post, alice, "first");
		awaitEvents(post, 1);

		long reply = reply(post, bob, "to alice", alice);

		List<JsonNode> events = awaitEvents(post, 3).subList(1, 3);
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.get("type").asString()).isEqualTo("moment_comment");
			assertThat(event.get("actorID").asString()).isEqualTo(Long.toString(bob));
			assertThat(event.get("commentID").asString()).isEqualTo(Long.toString(reply));
			assertThat(event.get("excerpt").asString()).isEqualTo("to alice");
		})
			.extracting((event) -> event.get("recipientID").asString())
			.containsExactlyInAnyOrder(Long.toString(author), Long.toString(alice));
	}

	@Test
	void theAuthorsReplyTellsTheCommenterOnly() {
		long author = user();
		long alice = user();
		long post = publish(author);
		comment(post, alice, "first");
		awaitEvents(post, 1);

		long reply = reply(post, author, "thanks", alice);

		JsonNode event = awaitEvents(post, 2).get(1);
		assertThat(event.get("recipientID").asString()).isEqualTo(Long.toString(alice));
		assertThat(event.get("actorID").asString()).isEqualTo(Long.toString(author));
		assertThat(event.get("commentID").asString()).isEqualTo(Long.toString(reply));
		assertThat(outboxRows(post)).isEqualTo(2);
	}

	@Test
	void aRefusedActionTellsNobody() {
		long author = user();
		long stranger = user();
		long alice = user();
		long hidden = publish(author, 2);
		long post = publish(author);
		comment(post, alice, "first");
		USERS.blacklist(alice, stranger);

		assertThat(post("like", stranger, "{\"postID\":\"" + hidden + "\"}").status()).isEqualTo(404);
		assertThat(post("comment/add", stranger, "{\"postID\":\"" + hidden + "\",\"content\":\"hi\"}").status())
			.isEqualTo(404);
		long missing = hidden + 1_000_000;
		assertThat(post("like", stranger, "{\"postID\":\"" + missing + "\"}").status()).isEqualTo(404);
		Reply blocked = post("comment/add", stranger,
				"{\"postID\":\"" + post + "\",\"content\":\"hi\",\"replyToUserID\":\"" + alice + "\"}");
		assertThat(blocked.errCode()).isEqualTo(1302);

		assertThat(outboxRows(hidden)).isZero();
		assertThat(outboxRows(missing)).isZero();
		assertThat(outboxRows(post)).isEqualTo(1);
		// A later action's event arrives after anything the refused ones could have
		// sent.
		like(post, alice);
		assertThat(awaitEvents(post, 2)).extracting((event) -> event.get("type").asString())
			.containsExactly("moment_comment", "moment_like");
		assertThat(events(hidden)).isEmpty();
		assertThat(events(missing)).isEmpty();
	}

	@Test
	void anEventWaitsInTheOutboxWhileUserServiceIsDownAndArrivesOnceItIsBack() {
		long author = user();
		long liker = user();
		long post = publish(author);
		// Stopped while the like asks user-service who may see the post, then down for
		// the delivery.
		this.relay.stop();
		like(post, liker);
		USERS.down();
		this.relay.start();

		await().atMost(TIMEOUT)
			.until(() -> this.jdbc
				.sql("SELECT COUNT(*) FROM outbox_event WHERE payload LIKE ? AND delivered_at IS NULL AND attempts > 0")
				.param(postPattern(post))
				.query(Long.class)
				.single() == 1);
		assertThat(events(post)).isEmpty();

		USERS.up();
		awaitEvents(post, 1);
		await().atMost(TIMEOUT)
			.until(() -> this.jdbc
				.sql("SELECT COUNT(*) FROM outbox_event WHERE payload LIKE ? AND delivered_at IS NOT NULL")
				.param(postPattern(post))
				.query(Long.class)
				.single() == 1);
		assertThat(events(post)).singleElement()
			.satisfies((event) -> assertThat(event.get("actorID").asString()).isEqualTo(Long.toString(liker)));
	}

	/** A new user, whose events {@link #events} picks. */
	private long user() {
		long user = newUser();
		this.users.add(Long.toString(user));
		return user;
	}

	private long publish(long author, String content) {
		JsonNode data = ok("publish", author, "{\"content\":" + ServiceApi.quote(content) + ",\"visibility\":0}");
		return Long.parseLong(data.get("postID").asString());
	}

	private void like(long post, long user) {
		ok("like", user, "{\"postID\":\"" + post + "\"}");
	}

	private long reply(long post, long user, String content, long replyTo) {
		JsonNode data = ok("comment/add", user, "{\"postID\":\"" + post + "\",\"content\":" + ServiceApi.quote(content)
				+ ",\"replyToUserID\":\"" + replyTo + "\"}");
		return Long.parseLong(data.get("commentID").asString());
	}

	/**
	 * The events user-service received about the post from or for this test's users, in
	 * arrival order.
	 */
	private List<JsonNode> events(long post) {
		String id = Long.toString(post);
		return USERS.notifications()
			.stream()
			.filter((event) -> event.has("postID") && id.equals(event.get("postID").asString()))
			.filter((event) -> this.users.contains(event.get("actorID").asString())
					|| this.users.contains(event.get("recipientID").asString()))
			.toList();
	}

	/** The events about the post once {@code count} arrived, and no more. */
	private List<JsonNode> awaitEvents(long post, int count) {
		await().atMost(TIMEOUT).until(() -> events(post).size() >= count);
		List<JsonNode> events = events(post);
		assertThat(events).hasSize(count);
		return events;
	}

	/** The events about the post in the outbox, delivered or not. */
	private long outboxRows(long post) {
		return this.jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE payload LIKE ?")
			.param(postPattern(post))
			.query(Long.class)
			.single();
	}

	private static String postPattern(long post) {
		return "%\"postID\":\"" + post + "\"%";
	}

}
