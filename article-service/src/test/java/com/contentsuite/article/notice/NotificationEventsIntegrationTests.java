package com.contentsuite.article.notice;

import java.time.Duration;
import java.util.List;

import com.contentsuite.article.ArticleServiceIntegrationTest;
import com.contentsuite.common.outbox.OutboxRelay;
import com.contentsuite.testsupport.ServiceApi;
import com.contentsuite.testsupport.ServiceApi.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notification events article-service sends (docs/design.md, "Notifications"), as
 * user-service (the stub) receives them, and an event that waits in the outbox while
 * user-service is down. Users are unique in the whole run, so a test reads the events
 * whose recipient it created.
 */
class NotificationEventsIntegrationTests extends ArticleServiceIntegrationTest {

	private static final Duration ARRIVAL = Duration.ofSeconds(20);

	private static final String TITLE = "T".repeat(30) + "x".repeat(30);

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private OutboxRelay relay;

	@DynamicPropertySource
	static void fastRetries(DynamicPropertyRegistry registry) {
		registry.add("suite.outbox.initial-backoff", () -> "100ms");
		registry.add("suite.outbox.max-backoff", () -> "400ms");
		registry.add("suite.outbox.poll-interval", () -> "100ms");
		registry.add("resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state", () -> "200ms");
	}

	private static List<JsonNode> eventsFor(long recipient) {
		return USERS.notifications()
			.stream()
			.filter((e) -> e.get("recipientID").asString().equals(Long.toString(recipient)))
			.toList();
	}

	private static List<JsonNode> awaitEvents(long recipient, int count) {
		await().atMost(ARRIVAL).until(() -> eventsFor(recipient).size() >= count);
		return eventsFor(recipient);
	}

	private Reply mark(String path, long article, long user, int status) {
		Reply reply = this.api.send("PUT", "/articles/" + article + "/" + path, ServiceApi.GATEWAY, user,
				"{\"status\":" + status + "}");
		assertThat(reply.errCode()).as(reply.body()).isZero();
		return reply;
	}

	private long comment(long article, long user, String content, Long parent) {
		String json = "{\"content\":" + ServiceApi.quote(content)
				+ ((parent != null) ? ",\"parentID\":\"" + parent + "\"" : "") + "}";
		Reply reply = this.api.send("POST", "/articles/" + article + "/comments", ServiceApi.GATEWAY, user, json);
		assertThat(reply.errCode()).as(reply.body()).isZero();
		return Long.parseLong(reply.data().get("commentID").asString());
	}

	@Test
	void aLikeAndACollectTellTheAuthorWithTheTitleOwnMarksTellNobody() {
		long author = newUser();
		long reader = newUser();
		long other = newUser();
		long article = write(author, TITLE, "body");
		mark("likes", article, author, 1);
		mark("likes", article, reader, 1);
		mark("collections", article, reader, 1);
		mark("likes", article, other, 1);

		List<JsonNode> events = awaitEvents(author, 3);
		assertThat(events).extracting((e) -> e.get("type").asString() + ":" + e.get("actorID").asString())
			.containsExactlyInAnyOrder("article_like:" + reader, "article_collect:" + reader, "article_like:" + other);
		JsonNode like = events.stream()
			.filter((e) -> e.get("type").asString().equals("article_like"))
			.findFirst()
			.get();
		assertThat(like.get("articleID").asString()).isEqualTo(Long.toString(article));
		assertThat(like.get("excerpt").asString()).isEqualTo(TITLE.substring(0, 50));
		assertThat(like.has("commentID")).isFalse();
		assertThat(like.get("eventID").asString()).startsWith("article-service:outbox_event:");
		assertThat(outboxRows(author)).as("nothing for the author's own like").isEqualTo(3);
	}

	@Test
	void aRepeatedLikeAndAnUnlikeWriteNoEventALikeAgainWritesOne() {
		long author = newUser();
		long reader = newUser();
		long article = write(author);
		mark("likes", article, reader, 1);
		mark("likes", article, reader, 1);
		assertThat(outboxRows(author)).isEqualTo(1);
		mark("likes", article, reader, 0);
		assertThat(outboxRows(author)).isEqualTo(1);
		mark("likes", article, reader, 1);
		assertThat(outboxRows(author)).as("user-service makes them one notification").isEqualTo(2);
		awaitEvents(author, 2);
	}

	@Test
	void aCommentTellsTheAuthorAndAReplyTellsTheParentsAuthorAndTheArticlesAuthor() {
		long author = newUser();
		long first = newUser();
		long second = newUser();
		long article = write(author);
		long top = comment(article, first, "First!", null);
		long reply = comment(article, second, "Agreed with you", top);
		long own = comment(article, author, "Thanks both", top);

		List<JsonNode> toAuthor = awaitEvents(author, 2);
		assertThat(toAuthor).extracting((e) -> e.get("type").asString() + ":" + e.get("commentID").asString())
			.containsExactlyInAnyOrder("article_comment:" + top, "article_comment:" + reply);
		assertThat(toAuthor)
			.allSatisfy((e) -> assertThat(e.get("articleID").asString()).isEqualTo(Long.toString(article)));
		List<JsonNode> toFirst = awaitEvents(first, 2);
		assertThat(toFirst)
			.extracting((e) -> e.get("type").asString() + ":" + e.get("commentID").asString() + ":"
					+ e.get("actorID").asString() + ":" + e.get("excerpt").asString())
			.containsExactlyInAnyOrder("comment_reply:" + reply + ":" + second + ":Agreed with you",
					"comment_reply:" + own + ":" + author + ":Thanks both");
		assertThat(outboxRows(second)).isZero();
		assertThat(outboxRows(author)).as("nothing for the author's own reply").isEqualTo(2);
	}

	@Test
	void aRefusedActionWritesNoEvent() {
		long author = newUser();
		long reader = newUser();
		Reply missing = this.api.send("PUT", "/articles/987654321/likes", ServiceApi.GATEWAY, reader, "{\"status\":1}");
		assertThat(missing.errCode()).isEqualTo(1004);
		long article = write(author);
		USERS.blacklist(author, reader);
		try {
			Reply blocked = this.api.send("PUT", "/articles/" + article + "/likes", ServiceApi.GATEWAY, reader,
					"{\"status\":1}");
			assertThat(blocked.errCode()).isEqualTo(1302);
		}
		finally {
			USERS.unblacklist(author, reader);
		}
		assertThat(outboxRows(author)).isZero();
	}

	@Test
	void anEventWaitsInTheOutboxWhileUserServiceIsDownAndArrivesOnceWhenItIsBack() {
		long author = newUser();
		long reader = newUser();
		long article = write(author);
		// The like itself asks user-service about the blacklist, so user-service goes
		// down
		// after it, while the relay is held.
		this.relay.stop();
		try {
			mark("likes", article, reader, 1);
			USERS.down();
			this.relay.start();
			await().atMost(ARRIVAL).until(() -> attempts(author) >= 2);
			assertThat(pending(author)).isEqualTo(1);
			assertThat(eventsFor(author)).as("nothing stored while user-service is down").isEmpty();
		}
		finally {
			USERS.up();
			this.relay.start();
		}
		await().atMost(ARRIVAL).until(() -> pending(author) == 0);
		assertThat(eventsFor(author)).as("arrived once").hasSize(1);
		assertThat(eventsFor(author).get(0).get("actorID").asString()).isEqualTo(Long.toString(reader));
	}

	private long outboxRows(long recipient) {
		return this.jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE topic = 'notification' AND payload LIKE ?")
			.params("%\"recipientID\":\"" + recipient + "\"%")
			.query(Long.class)
			.single();
	}

	private long pending(long recipient) {
		return this.jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE delivered_at IS NULL AND payload LIKE ?")
			.params("%\"recipientID\":\"" + recipient + "\"%")
			.query(Long.class)
			.single();
	}

	private long attempts(long recipient) {
		return this.jdbc.sql("SELECT COALESCE(MAX(attempts), 0) FROM outbox_event WHERE payload LIKE ?")
			.params("%\"recipientID\":\"" + recipient + "\"%")
			.query(Long.class)
			.single();
	}

}
