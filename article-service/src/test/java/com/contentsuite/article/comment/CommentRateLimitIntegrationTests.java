package com.contentsuite.article.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.contentsuite.article.ArticleServiceIntegrationTest;
import com.contentsuite.common.internal.InternalAuth;
import com.contentsuite.testsupport.ServiceApi;
import com.contentsuite.testsupport.ServiceApi.Reply;
import com.contentsuite.testsupport.SignedHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At most 10 new comments a minute per user (docs/api.md section 4, the default of
 * {@code article.comments.per-minute}), counted per minute of the service's clock: here a
 * clock the test moves, so that which minute a comment falls in is never left to chance.
 */
@Import(CommentRateLimitIntegrationTests.ClockConfiguration.class)
class CommentRateLimitIntegrationTests extends ArticleServiceIntegrationTest {

	private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcClient jdbc;

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(START);
		}

	}

	/** Every test starts at the first millisecond of a minute no test has used yet. */
	@BeforeEach
	void nextMinute() {
		this.clock.set(this.clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)));
	}

	Reply comment(long articleId, long userId, String content) {
		return this.api.send("POST", "/articles/" + articleId + "/comments", ServiceApi.GATEWAY, userId,
				"{\"content\":" + ServiceApi.quote(content) + "}");
	}

	Reply reply(long articleId, long userId, String content, long parentId) {
		return this.api.send("POST", "/articles/" + articleId + "/comments", ServiceApi.GATEWAY, userId,
				"{\"content\":" + ServiceApi.quote(content) + ",\"parentID\":\"" + parentId + "\"}");
	}

	Reply commentWithKey(long articleId, long userId, String content, String key) {
		String path = "/articles/" + articleId + "/comments";
		InternalAuth auth = new InternalAuth(this.secret, 60_000, ServiceApi.GATEWAY, Clock.systemUTC());
		Map<String, String> headers = new LinkedHashMap<>(SignedHeaders.asGateway(auth, "POST", path, userId));
		headers.put("Idempotency-Key", key);
		return this.api.sendWithHeaders("POST", path, headers, "{\"content\":" + ServiceApi.quote(content) + "}");
	}

	static Reply ok(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.errCode()).as(reply.body()).isZero();
		return reply;
	}

	static void limited(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(429);
		assertThat(reply.errCode()).as(reply.body()).isEqualTo(1005);
		assertThat(reply.json().get("errMsg").stringValue()).isEqualTo("TooManyRequestsError");
		assertThat(reply.json().has("data")).isFalse();
	}

	/** Writes {@code count} top-level comments, each accepted. */
	void writeComments(long articleId, long userId, int count) {
		for (int i = 1; i <= count; i++) {
			ok(comment(articleId, userId, "comment " + i));
		}
	}

	long rows(long articleId, long userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM article_comment WHERE article_id = ? AND author_id = ?")
			.params(articleId, userId)
			.query(Long.class)
			.single();
	}

	long commentsOf(long articleId) {
		return ok(this.api.get("/articles/" + articleId, null)).data().get("comments").longValue();
	}

	@Test
	void theEleventhCommentOfAMinuteIsRefusedAndNotStored() {
		long article = write(newUser());
		long alice = newUser();
		writeComments(article, alice, 10);

		limited(comment(article, alice, "one too many"));

		assertThat(rows(article, alice)).isEqualTo(10);
		assertThat(commentsOf(article)).isEqualTo(10);
	}

	@Test
	void repliesCountLikeTopLevelComments() {
		long article = write(newUser());
		long alice = newUser();
		long top = Long.parseLong(ok(comment(article, alice, "top")).data().get("commentID").stringValue());
		for (int i = 1; i <= 9; i++) {
			ok(reply(article, alice, "reply " + i, top));
		}

		limited(reply(article, alice, "reply 10", top));
		limited(comment(article, alice, "another top"));

		assertThat(rows(article, alice)).isEqualTo(10);
	}

	@Test
	void anotherUserIsUnaffected() {
		long article = write(newUser());
		long alice = newUser();
		long bob = newUser();
		writeComments(article, alice, 10);
		limited(comment(article, alice, "one too many"));

		writeComments(article, bob, 10);

		assertThat(rows(article, bob)).isEqualTo(10);
		limited(comment(article, bob, "one too many"));
		assertThat(commentsOf(article)).isEqualTo(20);
	}

	@Test
	void theLimitIsTheUsersAcrossArticles() {
		long first = write(newUser());
		long second = write(newUser());
		long alice = newUser();
		writeComments(first, alice, 6);
		writeComments(second, alice, 4);

		limited(comment(second, alice, "one too many"));
		limited(comment(first, alice, "one too many"));

		assertThat(rows(first, alice) + rows(second, alice)).isEqualTo(10);
	}

	@Test
	void theNextMinuteAllowsAgain() {
		long article = write(newUser());
		long alice = newUser();
		writeComments(article, alice, 10);
		this.clock.advance(Duration.ofSeconds(59).plusMillis(999));
		limited(comment(article, alice, "still this minute"));

		this.clock.advance(Duration.ofMillis(1));

		writeComments(article, alice, 10);
		limited(comment(article, alice, "one too many again"));
		assertThat(rows(article, alice)).isEqualTo(20);
	}

	@Test
	void theMinuteIsTheClocksNotASlidingWindow() {
		long article = write(newUser());
		long alice = newUser();
		this.clock.advance(Duration.ofSeconds(59));
		writeComments(article, alice, 10);
		limited(comment(article, alice, "one too many"));

		this.clock.advance(Duration.ofSeconds(1));

		ok(comment(article, alice, "a new minute, a second later"));
		assertThat(rows(article, alice)).isEqualTo(11);
	}

	@Test
	void concurrentCommentsOfOneUserGetExactlyTenThrough() {
		long article = write(newUser());
		long alice = newUser();
		ExecutorService pool = Executors.newFixedThreadPool(10);
		List<Integer> codes;
		try {
			List<CompletableFuture<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 25; i++) {
				String content = "race " + i;
				calls.add(CompletableFuture.supplyAsync(() -> comment(article, alice, content).errCode(), pool));
			}
			codes = calls.stream().map(CompletableFuture::join).toList();
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(codes.stream().filter((code) -> code == 0)).hasSize(10);
		assertThat(codes.stream().filter((code) -> code == 1005)).hasSize(15);
		assertThat(rows(article, alice)).isEqualTo(10);
		assertThat(commentsOf(article)).isEqualTo(10);
	}

	@Test
	void refusedCommentsDoNotCount() {
		long author = newUser();
		long article = write(author);
		long alice = newUser();
		for (int i = 0; i < 5; i++) {
			assertThat(comment(article, alice, " ").errCode()).isEqualTo(1001);
			assertThat(comment(article + 1_000_000, alice, "nowhere").errCode()).isEqualTo(1004);
		}
		USERS.blacklist(author, alice);
		for (int i = 0; i < 5; i++) {
			assertThat(comment(article, alice, "blocked").errCode()).isEqualTo(1302);
		}
		USERS.unblacklist(author, alice);

		writeComments(article, alice, 10);

		limited(comment(article, alice, "one too many"));
	}

	@Test
	void aReplayedAnswerDoesNotCount() {
		long article = write(newUser());
		long alice = newUser();
		Reply first = ok(commentWithKey(article, alice, "double tap", "tap-1"));
		for (int i = 0; i < 12; i++) {
			Reply repeat = ok(commentWithKey(article, alice, "double tap", "tap-1"));
			assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
			assertThat(repeat.body()).isEqualTo(first.body());
		}

		writeComments(article, alice, 9);

		limited(comment(article, alice, "one too many"));
		assertThat(rows(article, alice)).isEqualTo(10);
	}

	@Test
	void aRefusalForTheLimitIsNotKeptForTheKey() {
		long article = write(newUser());
		long alice = newUser();
		writeComments(article, alice, 10);
		limited(commentWithKey(article, alice, "later", "later-1"));

		this.clock.advance(Duration.ofMinutes(1));
		Reply retry = ok(commentWithKey(article, alice, "later", "later-1"));

		assertThat(retry.header("Idempotent-Replayed")).isNull();
		assertThat(retry.data().get("content").stringValue()).isEqualTo("later");
		assertThat(rows(article, alice)).isEqualTo(11);
	}

	/** A clock the test sets and moves; the service reads it for every comment. */
	static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant start) {
			this.now = start;
		}

		void set(Instant instant) {
			this.now = instant;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException("the service's clock is UTC");
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
