package com.contentsuite.article.hit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.contentsuite.article.ArticleServiceIntegrationTest;
import com.contentsuite.common.internal.InternalAuth;
import com.contentsuite.common.redis.RedisNamespace;
import com.contentsuite.testsupport.ServiceApi;
import com.contentsuite.testsupport.ServiceApi.Reply;
import com.contentsuite.testsupport.SignedHeaders;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PUT /articles/{articleID}/hits} ({@code optional}): a hit counts once per viewer
 * (the user, or the client IP the gateway forwarded for an anonymous one) per article per
 * 10 minutes; the count lives in the database, only who was seen lives in Redis.
 */
class HitsIntegrationTests extends ArticleServiceIntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private RedisNamespace namespace;

	@Override
	protected boolean deletesWhatItWrites() {
		return true;
	}

	@Nested
	class Put {

		@Test
		void theFirstHitOfAUserCountsAndIsStored() {
			long article = write(newUser());

			Reply reply = hit(article, newUser());

			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
			assertThat(reply.data().size()).isEqualTo(1);
			assertThat(reply.data().get("hits").longValue()).isEqualTo(1);
			assertThat(stored(article)).isEqualTo(1);
			assertThat(api.get("/articles/" + article, null).data().get("hits").longValue()).isEqualTo(1);
		}

		@Test
		void theSameUserCountsOnceWithinTheWindow() {
			long article = write(newUser());
			long reader = newUser();

			assertHits(hit(article, reader), 1);
			assertHits(hit(article, reader), 1);
			assertHits(hit(article, reader), 1);

			assertThat(stored(article)).isEqualTo(1);
		}

		@Test
		void twoUsersCountTwice() {
			long article = write(newUser());

			assertHits(hit(article, newUser()), 1);
			assertHits(hit(article, newUser()), 2);

			assertThat(stored(article)).isEqualTo(2);
		}

		@Test
		void theSameUserCountsOnEachArticle() {
			long author = newUser();
			long first = write(author);
			long second = write(author);
			long reader = newUser();

			assertHits(hit(first, reader), 1);
			assertHits(hit(second, reader), 1);
			assertHits(hit(first, reader), 1);

			assertThat(stored(first)).isEqualTo(1);
			assertThat(stored(second)).isEqualTo(1);
		}

		@Test
		void anAnonymousViewerCountsOncePerClientIp() {
			long article = write(newUser());

			assertHits(hitFrom(article, null, "203.0.113.7"), 1);
			assertHits(hitFrom(article, null, "203.0.113.7"), 1);
			assertHits(hitFrom(article, null, "203.0.113.8"), 2);
			assertHits(hitFrom(article, null, "2001:db8::1"), 3);
			assertHits(hitFrom(article, null, "2001:db8::1"), 3);

			assertThat(stored(article)).isEqualTo(3);
		}

		@Test
		void aUserIsToldApartFromAnonymousViewersOfTheSameIp() {
			long article = write(newUser());
			long reader = newUser();

			assertHits(hitFrom(article, reader, "203.0.113.9"), 1);
			assertHits(hitFrom(article, null, "203.0.113.9"), 2);
			assertHits(hitFrom(article, reader, "198.51.100.1"), 2);
			assertHits(hitFrom(article, null, "203.0.113.9"), 2);
		}

		@Test
		void anAnonymousViewerWithoutAForwardedIpIsTheConnectionsAddress() {
			long article = write(newUser());

			assertHits(hit(article, null), 1);
			assertHits(hit(article, null), 1);
		}

		@Test
		void aViewerIsRememberedForTenMinutes() {
			long article = write(newUser());
			long reader = newUser();
			hit(article, reader);
			hitFrom(article, null, "203.0.113.10");

			Set<String> keys = keys(article);

			assertThat(keys).hasSize(2);
			for (String key : keys) {
				Long ttl = redis.getExpire(key, TimeUnit.SECONDS);
				assertThat(ttl).as(key).isBetween(590L, 600L);
			}
		}

		@Test
		void theCountSurvivesLosingRedisAndTheNextHitCountsAgain() {
			long article = write(newUser());
			long reader = newUser();
			hit(article, reader);
			hit(article, newUser());
			hitFrom(article, null, "203.0.113.11");

			// What a restarted Redis without persistence holds of this service: nothing.
			Set<String> all = redis.keys(namespace.key("*"));
			assertThat(all).isNotEmpty();
			redis.delete(all);

			assertThat(stored(article)).isEqualTo(3);
			assertThat(api.get("/articles/" + article, reader).data().get("hits").longValue()).isEqualTo(3);
			assertHits(hit(article, reader), 4);
			assertHits(hit(article, reader), 4);
			assertHits(hitFrom(article, null, "203.0.113.11"), 5);
			assertThat(stored(article)).isEqualTo(5);
			Reply hot = api.get("/articles/hot?size=50", null);
			assertThat(hot.body()).contains("\"articleID\":\"" + article + "\"");
		}

		@Test
		void concurrentHitsOfOneViewerCountOnce() throws Exception {
			long article = write(newUser());
			long reader = newUser();
			int threads = 8;
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			List<Future<Reply>> replies = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				replies.add(pool.submit(() -> {
					start.await();
					return hit(article, reader);
				}));
			}
			start.countDown();
			List<Long> answered = new ArrayList<>();
			try {
				for (Future<Reply> reply : replies) {
					Reply done = reply.get(1, TimeUnit.MINUTES);
					assertThat(done.errCode()).as(done.body()).isZero();
					answered.add(done.data().get("hits").longValue());
				}
			}
			finally {
				pool.shutdownNow();
			}
			// The one that counted answers 1; a repeat that read the count before that
			// commit answers 0, the count then.
			assertThat(answered).isSubsetOf(0L, 1L).contains(1L);
			assertThat(stored(article)).isEqualTo(1);
			assertHits(hit(article, reader), 1);
		}

		@Test
		void anUnknownOrDeletedArticleIs1004AndCountsNothing() {
			long author = newUser();
			long article = write(author);
			Reply deleted = api.send("DELETE", "/articles/" + article, ServiceApi.GATEWAY, author, null);
			assertThat(deleted.errCode()).as(deleted.body()).isZero();

			for (Reply reply : List.of(hit(999_999_999L, newUser()), hit(article, newUser()), hit(article, null))) {
				assertThat(reply.status()).as(reply.body()).isEqualTo(404);
				assertThat(reply.errCode()).isEqualTo(1004);
			}
			assertThat(stored(article)).isZero();
			assertThat(keys(article)).isEmpty();
		}

		@Test
		void anInvalidArticleIdIs1001() {
			Reply reply = api.put("/articles/x1/hits", null, null);

			assertThat(reply.status()).as(reply.body()).isEqualTo(400);
			assertThat(reply.errDlt()).isEqualTo("articleID is invalid");
		}

	}

	private Reply hit(long article, Long user) {
		return this.api.put("/articles/" + article + "/hits", user, null);
	}

	/** A hit as the gateway forwards it, with the client IP it saw. */
	private Reply hitFrom(long article, Long user, String clientIp) {
		String path = "/articles/" + article + "/hits";
		InternalAuth auth = new InternalAuth(this.secret, 60_000, ServiceApi.GATEWAY, Clock.systemUTC());
		Map<String, String> headers = new LinkedHashMap<>(SignedHeaders.asGateway(auth, "PUT", path, user));
		headers.put(InternalAuth.CLIENT_IP_HEADER, clientIp);
		return this.api.sendWithHeaders("PUT", path, headers, null);
	}

	private static void assertHits(Reply reply, long hits) {
		assertThat(reply.errCode()).as(reply.body()).isZero();
		assertThat(reply.data().get("hits").longValue()).as(reply.body()).isEqualTo(hits);
	}

	private long stored(long article) {
		return this.jdbc.sql("SELECT hits FROM article WHERE id = ?").param(article).query(Long.class).single();
	}

	private Set<String> keys(long article) {
		return this.redis.keys(this.namespace.key("article:hit:" + article + ":*"));
	}

}
