package com.contentsuite.article.like;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.contentsuite.article.ArticleServiceApplication;
import com.contentsuite.article.ArticleServiceIntegrationTest;
import com.contentsuite.common.redis.RedisNamespace;
import com.contentsuite.testsupport.ServiceApi;
import com.contentsuite.testsupport.ServiceApi.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two running instances of the service on one database and one Redis namespace (the test
 * context and a second application started beside it), many threads toggling likes and
 * collections of many users on one article through both alternately. Afterwards each
 * count must equal its rows, what both instances answer, and the users whose status reads
 * 1; a user only one thread drives must end in the state of its last answer; and the hot
 * score in Redis must be the one of the final counters.
 */
class ArticleMarksConcurrencyIntegrationTests extends ArticleServiceIntegrationTest {

	private static final int USERS = 20;

	/** Users 0 to 9 are driven by every thread, the others each by one thread only. */
	private static final int SHARED_USERS = 10;

	private static final int THREADS = 16;

	private static final int OPERATIONS = 50;

	private static ConfigurableApplicationContext second;

	@Autowired
	private Environment environment;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private RedisNamespace namespace;

	private ServiceApi secondApi;

	@BeforeEach
	void startTheSecondInstance() {
		if (second == null) {
			// Command-line arguments: they take precedence over application.yml, which
			// would point the instance at the default database and namespace.
			second = new SpringApplicationBuilder(ArticleServiceApplication.class).run(same("spring.datasource.url"),
					same("spring.datasource.username"), same("spring.datasource.password"),
					same("spring.data.redis.url"), same("suite.redis.namespace"),
					same("spring.cloud.discovery.client.simple.instances.user-service[0].uri"), "--server.port=0");
		}
		int port = ((WebServerApplicationContext) second).getWebServer().getPort();
		assertThat(port).isNotEqualTo(this.port);
		for (String shared : List.of("spring.datasource.url", "suite.redis.namespace")) {
			assertThat(second.getEnvironment().getProperty(shared)).as(shared)
				.isEqualTo(this.environment.getProperty(shared));
		}
		this.secondApi = new ServiceApi(port, this.secret);
	}

	@AfterAll
	static void stopTheSecondInstance() {
		if (second != null) {
			second.close();
			second = null;
		}
	}

	private String same(String property) {
		return "--" + property + "=" + this.environment.getRequiredProperty(property);
	}

	@Nested
	class ConcurrentToggles {

		/** Three races a run keep CI within seconds; each prints its seed and result. */
		@RepeatedTest(3)
		void leaveEveryCountEqualToItsRowsOnBothInstances() throws Exception {
			long seed = Long.getLong("marks.seed", System.nanoTime());
			String context = "seed " + seed + " (rerun with -Dmarks.seed=" + seed + ")";
			long author = newUser();
			long article = write(author);
			// A read of the hot list builds the sorted set if it is missing.
			assertThat(api.get("/articles/hot", null).errCode()).isZero();
			long[] users = new long[USERS];
			for (int i = 0; i < USERS; i++) {
				users[i] = newUser();
			}
			ServiceApi[] instances = { api, ArticleMarksConcurrencyIntegrationTests.this.secondApi };
			ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
			// The last answered status of a user one thread drives: [mark][user].
			int[][] lastAnswered = new int[2][USERS];
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(THREADS);
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				Random random = new Random(seed + t);
				workers.add(pool.submit(() -> {
					start.await();
					for (int op = 0; op < OPERATIONS; op++) {
						int owned = SHARED_USERS + thread;
						int user = (owned < USERS && random.nextInt(3) == 0) ? owned : random.nextInt(SHARED_USERS);
						int mark = random.nextInt(2);
						int status = random.nextInt(2);
						ServiceApi instance = instances[op % 2];
						String path = "/articles/" + article + "/" + ((mark == 0) ? "likes" : "collections");
						Reply reply = instance.put(path, users[user], "{\"status\":" + status + "}");
						String expected = (mark == 0) ? "likeStatus" : "collectStatus";
						String count = (mark == 0) ? "likes" : "collects";
						if (reply.status() != 200 || reply.errCode() != 0
								|| reply.data().get(expected).intValue() != status
								|| reply.data().get(count).longValue() < 0
								|| reply.data().get(count).longValue() > USERS) {
							failures.add("PUT " + path + " " + status + " by user " + user + " on instance " + op % 2
									+ ": " + reply.status() + " " + reply.body());
						}
						if (user >= SHARED_USERS) {
							lastAnswered[mark][user] = status;
						}
					}
					return null;
				}));
			}
			long began = System.nanoTime();
			start.countDown();
			try {
				for (Future<?> worker : workers) {
					worker.get(2, TimeUnit.MINUTES);
				}
			}
			finally {
				pool.shutdownNow();
			}

			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
			System.out.printf("%s: %d toggles in %d ms, %d likes, %d collects%n", context, THREADS * OPERATIONS, millis,
					counter("likes", article), counter("collects", article));
			assertThat(failures).as(context).isEmpty();
			for (int mark = 0; mark < 2; mark++) {
				String table = (mark == 0) ? "article_like" : "article_collection";
				String count = (mark == 0) ? "likes" : "collects";
				String status = (mark == 0) ? "likeStatus" : "collectStatus";
				Set<Long> rows = new TreeSet<>(marked(table, article));
				long counter = counter(count, article);
				assertThat(counter).as("%s: %s counter against its rows", context, count).isEqualTo(rows.size());
				for (ServiceApi instance : instances) {
					assertThat(instance.get("/articles/" + article, null).data().get(count).longValue())
						.as("%s: %s answered", context, count)
						.isEqualTo(rows.size());
				}
				Set<Long> readingOne = new TreeSet<>();
				for (int i = 0; i < USERS; i++) {
					JsonNode detail = instances[i % 2].get("/articles/" + article, users[i]).data();
					if (detail.get(status).intValue() == 1) {
						readingOne.add(users[i]);
					}
					if (i >= SHARED_USERS) {
						assertThat(rows.contains(users[i]) ? 1 : 0)
							.as("%s: %s of user %d, whose last answer was %d", context, count, i, lastAnswered[mark][i])
							.isEqualTo(lastAnswered[mark][i]);
					}
				}
				assertThat(readingOne).as("%s: users whose %s reads 1", context, status).isEqualTo(rows);
			}
			assertHotScoreIsTheOneOfTheCounters(article, context);
			// Out of the hot list of the tests that share this context.
			Reply deleted = api.send("DELETE", "/articles/" + article, ServiceApi.GATEWAY, author, null);
			assertThat(deleted.errCode()).as(deleted.body()).isZero();
		}

	}

	private List<Long> marked(String table, long article) {
		return this.jdbc.sql("SELECT user_id FROM " + table + " WHERE article_id = ?")
			.param(article)
			.query(Long.class)
			.list();
	}

	private long counter(String column, long article) {
		return this.jdbc.sql("SELECT " + column + " FROM article WHERE id = ?")
			.param(article)
			.query(Long.class)
			.single();
	}

	/**
	 * Both instances wrote scores to one sorted set in whatever order their answers left;
	 * the score kept must be that of the last change.
	 */
	private void assertHotScoreIsTheOneOfTheCounters(long article, String context) {
		Map<String, Object> row = new HashMap<>(this.jdbc
			.sql("SELECT hits, likes, collects, comments, FLOOR(UNIX_TIMESTAMP(create_time)) AS created"
					+ " FROM article WHERE id = ?")
			.param(article)
			.query()
			.singleRow());
		double weighted = ((Number) row.get("hits")).longValue() + 3.0 * ((Number) row.get("likes")).longValue()
				+ 5.0 * ((Number) row.get("comments")).longValue() + 8.0 * ((Number) row.get("collects")).longValue();
		double expected = Math.log10(Math.max(1, weighted)) + ((Number) row.get("created")).longValue() / 45000.0;
		Double score = this.redis.opsForZSet()
			.score(this.namespace.key("article:{hot}"), String.format("%019d", article));
		assertThat(score).as("%s: hot score", context).isEqualTo(expected);
	}

}
