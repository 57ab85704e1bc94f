package com.contentsuite.article.hot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.contentsuite.article.ArticleServiceIntegrationTest;
import com.contentsuite.article.article.ArticleRepository;
import com.contentsuite.article.article.Engagement;
import com.contentsuite.common.redis.RedisNamespace;
import com.contentsuite.testsupport.ServiceApi;
import com.contentsuite.testsupport.ServiceApi.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /articles/hot}: highest hot score first (docs/api.md section 4), newer first
 * on a tie, in step with every engagement change and deletion, the same order when the
 * sorted set is rebuilt from the rows or while the rows answer in its place, and paged.
 * Articles are written at chosen times through a clock of this context's own; the lists
 * hold the articles of every test of the class, so each test checks the order of its own.
 */
@Import(HotListIntegrationTests.Clocks.class)
class HotListIntegrationTests extends ArticleServiceIntegrationTest {

	/** A multiple of 9 s: {@code epochSeconds / 45000} has four decimals exactly. */
	private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	/** Each test writes a day after the last one. */
	private static final AtomicLong DAY = new AtomicLong();

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private RedisNamespace namespace;

	@Autowired
	private HotRanking ranking;

	@Autowired
	private ArticleRepository articles;

	private Instant base;

	@BeforeEach
	void startADay() {
		this.base = START.plus(Duration.ofDays(DAY.incrementAndGet()));
		this.clock.set(this.base);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(START);
		}

	}

	@Nested
	class Order {

		@Test
		void isTheScoreOfApiMdHighestFirst() {
			long author = newUser();
			long collectedTwice = writeAt(0, author);
			long newer = writeAt(45_000, author);
			long newerCommented = writeAt(45_000, author);
			long newest = writeAt(90_000, author);
			long hitElevenTimes = writeAt(0, author);
			long liked = writeAt(30_000, author);
			collect(collectedTwice, 2);
			comment(newerCommented, 1);
			hit(hitElevenTimes, 11);
			like(liked, 1);

			List<Long> mine = List.of(collectedTwice, newer, newerCommented, newest, hitElevenTimes, liked);
			// newest 2.0, newerCommented 1+log10(5), collectedTwice log10(16), liked
			// 2/3+log10(3), hitElevenTimes log10(11), newer 1.0 (plus the day's base).
			assertThat(hotOf(mine)).containsExactly(newest, newerCommented, collectedTwice, liked, hitElevenTimes,
					newer);
			assertThat(hotOf(mine)).containsExactlyElementsOf(byScore(mine));
		}

		@Test
		void followsEveryEngagementChange() {
			long author = newUser();
			long older = writeAt(0, author);
			long younger = writeAt(3_600, author);
			List<Long> both = List.of(older, younger);
			assertThat(hotOf(both)).containsExactly(younger, older);

			long liker = like(older, 1).get(0);
			assertThat(hotOf(both)).containsExactly(older, younger);

			List<Long> likers = like(younger, 2);
			assertThat(hotOf(both)).containsExactly(younger, older);

			for (long user : likers) {
				toggle(younger, "likes", user, 0);
			}
			assertThat(hotOf(both)).containsExactly(older, younger);

			toggle(older, "likes", liker, 0);
			collect(younger, 1);
			assertThat(hotOf(both)).containsExactly(younger, older);
			assertThat(hotOf(both)).containsExactlyElementsOf(byScore(both));
		}

		@Test
		void tiesAreNewerFirst() {
			long author = newUser();
			long first = writeAt(0, author);
			long second = writeAt(0, author);
			long third = writeAt(0, author);
			List<Long> all = List.of(first, second, third);
			assertThat(hotOf(all)).containsExactly(third, second, first);

			like(first, 1);
			like(third, 1);

			assertThat(hotOf(all)).containsExactly(third, first, second);
		}

		@Test
		void theMillisecondsOfTheCreationTimeDoNotCount() {
			long author = newUser();
			long lateInSecondOne = writeAtMillis(1_999, author);
			long earlyInSecondTwo = writeAtMillis(2_001, author);
			long lateInSecondTwo = writeAtMillis(2_999, author);
			long older = writeAtMillis(999, author);
			hit(lateInSecondOne, 1);

			// Whole seconds: 1, 2, 2 and 0; the two of second 2 tie, the later written
			// first.
			assertThat(hotOf(List.of(lateInSecondOne, earlyInSecondTwo, lateInSecondTwo, older)))
				.containsExactly(lateInSecondTwo, earlyInSecondTwo, lateInSecondOne, older);
			assertThat(api.get("/articles/" + older, null).data().get("createTime").asString())
				.isEqualTo(base.plusMillis(999).toString());
		}

		@Test
		void aDeletedArticleLeavesAtOnce() {
			long author = newUser();
			long kept = writeAt(0, author);
			long deleted = writeAt(60, author);
			like(deleted, 3);
			assertThat(hotOf(List.of(kept, deleted))).containsExactly(deleted, kept);

			Reply reply = api.send("DELETE", "/articles/" + deleted, ServiceApi.GATEWAY, author, null);
			assertThat(reply.errCode()).as(reply.body()).isZero();

			assertThat(hotIds()).contains(kept).doesNotContain(deleted);
			assertThat(redis.opsForZSet().score(key(), HotScore.member(deleted))).isNull();
		}

	}

	@Nested
	class Rebuild {

		@Test
		void aMissingSetIsRebuiltFromTheRowsInTheSameOrder() {
			List<Long> mine = someArticles();
			List<Long> before = hotIds();
			assertThat(redis.hasKey(key())).isTrue();

			redis.delete(List.of(key(), key() + ":versions"));

			assertThat(hotIds()).isEqualTo(before);
			assertThat(redis.opsForZSet().size(key())).isEqualTo(liveArticles());
			assertThat(hotOf(mine)).containsExactlyElementsOf(byScore(mine));
			for (long article : mine) {
				assertThat(redis.opsForZSet().score(key(), HotScore.member(article)))
					.isEqualTo(HotScore.of(stored(article)));
			}
		}

		@Test
		void aChangeWhileTheSetWasMissingIsInTheRebuiltSet() {
			long author = newUser();
			long older = writeAt(0, author);
			long younger = writeAt(600, author);
			assertThat(hotOf(List.of(older, younger))).containsExactly(younger, older);
			redis.delete(List.of(key(), key() + ":versions"));

			like(older, 1);

			assertThat(hotOf(List.of(older, younger))).containsExactly(older, younger);
		}

		@Test
		void whileAnotherInstanceRebuildsTheRowsAnswerInTheSameOrder() {
			someArticles();
			List<Long> fromTheSet = hotIds();
			redis.delete(List.of(key(), key() + ":versions"));
			redis.opsForValue().set(key() + ":rebuilding", "1", Duration.ofMinutes(1));
			try {
				assertThat(hotIds()).isEqualTo(fromTheSet);
				assertThat(redis.hasKey(key())).isFalse();
			}
			finally {
				redis.delete(key() + ":rebuilding");
			}
			assertThat(hotIds()).isEqualTo(fromTheSet);
			assertThat(redis.hasKey(key())).isTrue();
		}

		@Test
		void theRowsTellApartArticlesASecondApartAsTheSetDoes() {
			// A second is 1/45000 of the score: the rows' score must keep it (a quotient
			// of two integers is a DECIMAL in SQL, rounded to a few decimals when stored
			// as one) for the fallback to order as the set. Counters this large are
			// written straight to the rows, then the set is rebuilt from them.
			long author = newUser();
			long older = writeAt(0, author);
			long newer = writeAt(1, author);
			jdbc.sql("UPDATE article SET hits = ? WHERE id = ?").params(100_001, older).update();
			jdbc.sql("UPDATE article SET hits = ? WHERE id = ?").params(100_000, newer).update();
			redis.delete(List.of(key(), key() + ":versions"));
			// log10(100001/100000) = 4.3e-6 is less than a second's 2.2e-5.
			assertThat(hotOf(List.of(older, newer))).containsExactly(newer, older);
			List<Long> fromTheSet = hotIds();

			redis.delete(List.of(key(), key() + ":versions"));
			redis.opsForValue().set(key() + ":rebuilding", "1", Duration.ofMinutes(1));
			try {
				assertThat(hotIds()).isEqualTo(fromTheSet);
			}
			finally {
				redis.delete(key() + ":rebuilding");
			}
		}

		@Test
		void anUpdateDuringARebuildIsNotLostToTheOlderSnapshot() {
			long author = newUser();
			long changed = writeAt(0, author);
			long deleted = writeAt(10, author);
			long untouched = writeAt(20, author);
			like(changed, 1);
			like(deleted, 1);
			hotIds();
			redis.delete(List.of(key(), key() + ":versions"));

			// A rebuild as HotList runs it, with changes committed between its
			// snapshot of the rows and the snapshot's arrival in Redis.
			String token = ranking.beginRebuild(60_000);
			assertThat(token).isNotNull();
			List<Engagement> snapshot = new ArrayList<>();
			articles.eachEngagement(snapshot::add);
			like(changed, 2);
			Reply reply = api.send("DELETE", "/articles/" + deleted, ServiceApi.GATEWAY, author, null);
			assertThat(reply.errCode()).as(reply.body()).isZero();
			assertThat(ranking.fill(token, 60_000, snapshot)).isTrue();
			assertThat(ranking.finishRebuild(token)).isTrue();

			assertThat(redis.opsForZSet().score(key(), HotScore.member(changed)))
				.isEqualTo(HotScore.of(stored(changed)));
			assertThat(stored(changed).likes()).isEqualTo(3);
			assertThat(redis.opsForZSet().score(key(), HotScore.member(deleted))).isNull();
			assertThat(redis.opsForZSet().score(key(), HotScore.member(untouched)))
				.isEqualTo(HotScore.of(stored(untouched)));
			assertThat(hotIds()).contains(changed, untouched).doesNotContain(deleted);
			assertThat(redis.hasKey(key() + ":rebuilding")).isFalse();
			assertThat(redis.hasKey(key() + ":next")).isFalse();
		}

		@Test
		void anUpdateArrivingOutOfOrderKeepsTheNewerScore() {
			long author = newUser();
			long article = writeAt(0, author);
			hotIds();
			Engagement older = stored(article);
			like(article, 1);
			Engagement newer = stored(article);

			ranking.update(older);

			assertThat(redis.opsForZSet().score(key(), HotScore.member(article))).isEqualTo(HotScore.of(newer));
		}

		private List<Long> someArticles() {
			long author = newUser();
			long a = writeAt(0, author);
			long b = writeAt(5, author);
			long c = writeAt(45_000, author);
			long d = writeAt(7, author);
			like(a, 2);
			collect(b, 1);
			hit(d, 3);
			return List.of(a, b, c, d);
		}

		private long liveArticles() {
			return jdbc.sql("SELECT COUNT(*) FROM article WHERE deleted = FALSE").query(Long.class).single();
		}

	}

	@Nested
	class Paging {

		@Test
		void pagesWalkTheWholeListInOrder() {
			long author = newUser();
			for (int i = 0; i < 5; i++) {
				writeAt(i, author);
			}
			List<Long> all = hotIds();
			assertThat(all.size()).isGreaterThanOrEqualTo(5);

			List<Long> walked = new ArrayList<>();
			for (int page = 1;; page++) {
				Reply reply = api.get("/articles/hot?page=" + page + "&size=2", null);
				assertThat(reply.errCode()).as(reply.body()).isZero();
				JsonNode data = reply.data();
				assertThat(data.get("page").intValue()).isEqualTo(page);
				assertThat(data.get("size").intValue()).isEqualTo(2);
				List<Long> ids = ids(reply);
				walked.addAll(ids);
				if (!data.get("hasMore").booleanValue()) {
					assertThat(ids).hasSizeBetween(1, 2);
					break;
				}
				assertThat(ids).hasSize(2);
			}
			assertThat(walked).isEqualTo(all);
		}

		@Test
		void aPagePastTheEndIsEmpty() {
			writeAt(0, newUser());

			Reply reply = api.get("/articles/hot?page=100000&size=50", null);

			assertThat(reply.errCode()).as(reply.body()).isZero();
			assertThat(reply.data().get("list").size()).isZero();
			assertThat(reply.data().get("hasMore").booleanValue()).isFalse();
		}

		@Test
		void theDefaultIsTwentyFromPageOne() {
			long author = newUser();
			for (int i = 0; i < 21; i++) {
				writeAt(i, author);
			}

			Reply reply = api.get("/articles/hot", null);

			assertThat(reply.data().get("page").intValue()).isEqualTo(1);
			assertThat(reply.data().get("size").intValue()).isEqualTo(20);
			assertThat(reply.data().get("list").size()).isEqualTo(20);
			assertThat(reply.data().get("hasMore").booleanValue()).isTrue();
		}

		@Test
		void aSizeOrPageOutOfRangeIs1001() {
			for (String query : List.of("size=0", "size=51", "size=-1", "size=x", "page=0", "page=-3", "page=y")) {
				Reply reply = api.get("/articles/hot?" + query, null);
				assertThat(reply.status()).as(query + " " + reply.body()).isEqualTo(400);
				assertThat(reply.errCode()).isEqualTo(1001);
				assertThat(reply.errDlt()).startsWith(query.substring(0, query.indexOf('=')));
			}
			assertThat(api.get("/articles/hot?size=51", null).errDlt()).isEqualTo("size must be 1-50");
		}

		@Test
		void listItemsAreArticlesWithoutContent() {
			long author = newUser();
			long article = writeAt(0, author);
			long viewer = newUser();
			like(article, 1);
			toggle(article, "likes", viewer, 1);

			JsonNode item = null;
			for (JsonNode candidate : api.get("/articles/hot?size=50", viewer).data().get("list")) {
				if (candidate.get("articleID").asString().equals(Long.toString(article))) {
					item = candidate;
				}
			}
			assertThat(item).isNotNull();
			assertThat(item.has("content")).isFalse();
			assertThat(item.get("likes").longValue()).isEqualTo(2);
			assertThat(item.get("likeStatus").intValue()).isEqualTo(1);
			assertThat(item.get("author").get("nickname").asString()).isEqualTo("nick" + author);
			assertThat(item.get("createTime").asString()).isEqualTo(
					DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC).format(base));
		}

	}

	/** Writes an article {@code seconds} after the test's day began. */
	private long writeAt(long seconds, long author) {
		return writeAtMillis(seconds * 1000, author);
	}

	private long writeAtMillis(long millis, long author) {
		this.clock.set(this.base.plusMillis(millis));
		long article = write(author);
		assertThat(stored(article).createTime()).isEqualTo(this.base.plusMillis(millis));
		return article;
	}

	/** {@code count} new users like the article; answers them. */
	private List<Long> like(long article, int count) {
		List<Long> users = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long user = newUser();
			toggle(article, "likes", user, 1);
			users.add(user);
		}
		return users;
	}

	private void collect(long article, int count) {
		for (int i = 0; i < count; i++) {
			toggle(article, "collections", newUser(), 1);
		}
	}

	private void comment(long article, int count) {
		for (int i = 0; i < count; i++) {
			Reply reply = this.api.send("POST", "/articles/" + article + "/comments", ServiceApi.GATEWAY, newUser(),
					"{\"content\":\"nice\"}");
			assertThat(reply.errCode()).as(reply.body()).isZero();
		}
	}

	private void hit(long article, int count) {
		for (int i = 0; i < count; i++) {
			Reply reply = this.api.put("/articles/" + article + "/hits", newUser(), null);
			assertThat(reply.errCode()).as(reply.body()).isZero();
		}
	}

	private void toggle(long article, String mark, long user, int status) {
		Reply reply = this.api.put("/articles/" + article + "/" + mark, user, "{\"status\":" + status + "}");
		assertThat(reply.errCode()).as(reply.body()).isZero();
	}

	/** The whole hot list, page by page. */
	private List<Long> hotIds() {
		List<Long> all = new ArrayList<>();
		for (int page = 1;; page++) {
			Reply reply = this.api.get("/articles/hot?page=" + page + "&size=50", null);
			assertThat(reply.errCode()).as(reply.body()).isZero();
			all.addAll(ids(reply));
			if (!reply.data().get("hasMore").booleanValue()) {
				return all;
			}
		}
	}

	/** The hot list's order of {@code mine}. */
	private List<Long> hotOf(List<Long> mine) {
		Set<Long> wanted = Set.copyOf(mine);
		List<Long> order = hotIds().stream().filter(wanted::contains).toList();
		assertThat(order).as("all of %s in the hot list", mine).hasSameSizeAs(mine);
		return order;
	}

	/**
	 * {@code mine} ordered by docs/api.md's score of their stored counters, newer on a
	 * tie.
	 */
	private List<Long> byScore(List<Long> mine) {
		return mine.stream()
			.map(this::stored)
			.sorted(Comparator.comparingDouble(HotListIntegrationTests::apiScore)
				.thenComparingLong(Engagement::articleId)
				.reversed())
			.map(Engagement::articleId)
			.toList();
	}

	/**
	 * docs/api.md's formula, written out again rather than taken from the code under
	 * test.
	 */
	private static double apiScore(Engagement e) {
		double weighted = e.hits() + 3 * e.likes() + 5 * e.comments() + 8 * e.collects();
		return Math.log10(Math.max(1, weighted)) + e.createTime().getEpochSecond() / 45000.0;
	}

	private Engagement stored(long article) {
		return this.articles.findLive(article).orElseThrow().engagement();
	}

	private static List<Long> ids(Reply reply) {
		List<Long> ids = new ArrayList<>();
		for (JsonNode item : reply.data().get("list")) {
			ids.add(Long.parseLong(item.get("articleID").asString()));
		}
		return ids;
	}

	private String key() {
		return this.namespace.key("article:{hot}");
	}

	/** A clock tests set: articles are written at the instant it holds. */
	static final class MutableClock extends Clock {

		private final AtomicReference<Instant> now;

		MutableClock(Instant start) {
			this.now = new AtomicReference<>(start);
		}

		void set(Instant instant) {
			this.now.set(instant);
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
