package com.contentsuite.moments.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.contentsuite.moments.MomentsServiceIntegrationTest;
import com.contentsuite.testsupport.ServiceApi;
import com.contentsuite.testsupport.ServiceApi.Reply;
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
 * At most 10 new comments a minute per user, across posts (docs/api.md section 5:
 * "limited as for articles", the default of {@code moments.comments.per-minute}), counted
 * per minute of the service's clock: here a clock the test moves, so that which minute a
 * comment falls in is never left to chance, and no test sleeps.
 */
@Import(CommentRateLimitIntegrationTests.ClockConfiguration.class)
class CommentRateLimitIntegrationTests extends MomentsServiceIntegrationTest {

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

	@Test
	void theEleventhCommentOfAMinuteIs1005AndStoresNothing() {
		long post = publish(newUser());
		long alice = newUser();
		writeComments(post, alice, 10);

		limited(add(post, alice, "one too many"));

		assertThat(rows(post, alice)).isEqualTo(10);
		assertThat(get(post, alice).get("commentCount").asLong()).isEqualTo(10);
		assertThat(this.jdbc.sql("SELECT comment_count FROM moment_post WHERE id = ?")
			.param(post)
			.query(Long.class)
			.single()).isEqualTo(10);
	}

	@Test
	void anotherUserIsUnaffected() {
		long post = publish(newUser());
		long alice = newUser();
		long bob = newUser();
		writeComments(post, alice, 10);
		limited(add(post, alice, "one too many"));

		writeComments(post, bob, 10);

		limited(add(post, bob, "one too many"));
		assertThat(rows(post, bob)).isEqualTo(10);
		assertThat(get(post, bob).get("commentCount").asLong()).isEqualTo(20);
	}

	@Test
	void thePostsAuthorIsLimitedOnTheirOwnPostToo() {
		long author = newUser();
		long post = publish(author);
		writeComments(post, author, 10);

		limited(add(post, author, "one too many"));

		assertThat(rows(post, author)).isEqualTo(10);
	}

	@Test
	void theLimitIsTheUsersAcrossPosts() {
		long first = publish(newUser());
		long second = publish(newUser());
		long alice = newUser();
		writeComments(first, alice, 6);
		writeComments(second, alice, 4);

		limited(add(second, alice, "one too many"));
		limited(add(first, alice, "one too many"));

		assertThat(rows(first, alice) + rows(second, alice)).isEqualTo(10);
	}

	@Test
	void theNextMinuteAllowsAgain() {
		long post = publish(newUser());
		long alice = newUser();
		writeComments(post, alice, 10);
		this.clock.advance(Duration.ofSeconds(59).plusMillis(999));
		limited(add(post, alice, "still this minute"));

		this.clock.advance(Duration.ofMillis(1));

		writeComments(post, alice, 10);
		limited(add(post, alice, "one too many again"));
		assertThat(rows(post, alice)).isEqualTo(20);
	}

	@Test
	void theMinuteIsTheClocksNotASlidingWindow() {
		long post = publish(newUser());
		long alice = newUser();
		this.clock.advance(Duration.ofSeconds(59));
		writeComments(post, alice, 10);
		limited(add(post, alice, "one too many"));

		this.clock.advance(Duration.ofSeconds(1));

		ok(add(post, alice, "a new minute, a second later"));
		assertThat(rows(post, alice)).isEqualTo(11);
	}

	@Test
	void refusedCommentsTakeNoSlot() {
		long author = newUser();
		long post = publish(author);
		long hidden = publish(author, 2);
		long deleted = publish(author);
		ok("delete", author, "{\"postID\":\"" + deleted + "\"}");
		long alice = newUser();
		long stranger = newUser();
		for (int i = 0; i < 5; i++) {
			assertThat(add(post, alice, " ").errCode()).isEqualTo(1001);
			assertThat(add(post, alice, "").errCode()).isEqualTo(1001);
			assertThat(add(post, alice, "x".repeat(2001)).errCode()).isEqualTo(1001);
			assertThat(add(987654321L, alice, "nowhere").errCode()).isEqualTo(1004);
			assertThat(add(deleted, alice, "gone").errCode()).isEqualTo(1004);
			assertThat(add(hidden, alice, "not for me").errCode()).isEqualTo(1004);
			assertThat(post("comment/add", alice, "{\"content\":\"no post\"}").errCode()).isEqualTo(1001);
			assertThat(reply(post, alice, "to a stranger", stranger).errCode()).isEqualTo(1001);
		}
		long commenter = newUser();
		ok(add(post, commenter, "first"));
		USERS.blacklist(commenter, alice);
		for (int i = 0; i < 5; i++) {
			assertThat(reply(post, alice, "blocked", commenter).errCode()).isEqualTo(1302);
		}
		USERS.unblacklist(commenter, alice);

		writeComments(post, alice, 10);

		limited(add(post, alice, "one too many"));
		assertThat(rows(post, alice)).isEqualTo(10);
	}

	@Test
	void concurrentCommentsOfOneUserGetExactlyTenThrough() {
		long post = publish(newUser());
		long alice = newUser();
		ExecutorService pool = Executors.newFixedThreadPool(10);
		List<Integer> codes;
		try {
			List<CompletableFuture<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 25; i++) {
				String content = "race " + i;
				calls.add(CompletableFuture.supplyAsync(() -> add(post, alice, content).errCode(), pool));
			}
			codes = calls.stream().map(CompletableFuture::join).toList();
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(codes.stream().filter((code) -> code == 0)).hasSize(10);
		assertThat(codes.stream().filter((code) -> code == 1005)).hasSize(15);
		assertThat(rows(post, alice)).isEqualTo(10);
		assertThat(get(post, alice).get("commentCount").asLong()).isEqualTo(10);
	}

	@Test
	void aReplayedAnswerTakesNoSlot() {
		long post = publish(newUser());
		long alice = newUser();
		Reply first = ok(withKey(post, alice, "double tap", "tap-1"));
		for (int i = 0; i < 12; i++) {
			Reply repeat = ok(withKey(post, alice, "double tap", "tap-1"));
			assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
			assertThat(repeat.body()).isEqualTo(first.body());
		}

		writeComments(post, alice, 9);

		limited(add(post, alice, "one too many"));
		assertThat(rows(post, alice)).isEqualTo(10);
	}

	@Test
	void aRefusalForTheLimitIsNotKeptForTheKey() {
		long post = publish(newUser());
		long alice = newUser();
		writeComments(post, alice, 10);
		limited(withKey(post, alice, "later", "later-1"));

		this.clock.advance(Duration.ofMinutes(1));
		Reply retry = ok(withKey(post, alice, "later", "later-1"));

		assertThat(retry.header("Idempotent-Replayed")).isNull();
		assertThat(rows(post, alice)).isEqualTo(11);
	}

	private Reply add(long post, long user, String content) {
		return post("comment/add", user, "{\"postID\":\"" + post + "\",\"content\":" + ServiceApi.quote(content) + "}");
	}

	private Reply reply(long post, long user, String content, long replyTo) {
		return post("comment/add", user, "{\"postID\":\"" + post + "\",\"content\":" + ServiceApi.quote(content)
				+ ",\"replyToUserID\":\"" + replyTo + "\"}");
	}

	private Reply withKey(long post, long user, String content, String key) {
		return this.api.send("POST", "/chatx/moments/comment/add", user,
				"{\"postID\":\"" + post + "\",\"content\":" + ServiceApi.quote(content) + "}",
				Map.of("Idempotency-Key", key));
	}

	/** Writes {@code count} comments, each accepted. */
	private void writeComments(long post, long user, int count) {
		for (int i = 1; i <= count; i++) {
			ok(add(post, user, "comment " + i));
		}
	}

	private long rows(long post, long user) {
		return this.jdbc.sql("SELECT COUNT(*) FROM moment_comment WHERE post_id = ? AND author_id = ?")
			.params(post, user)
			.query(Long.class)
			.single();
	}

	private static Reply ok(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.errCode()).as(reply.body()).isZero();
		return reply;
	}

	private static void limited(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(429);
		assertThat(reply.errCode()).as(reply.body()).isEqualTo(1005);
		assertThat(reply.json().get("errMsg").stringValue()).isEqualTo("TooManyRequestsError");
		assertThat(reply.json().has("data")).isFalse();
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
