package com.contentsuite.moments.like;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.contentsuite.moments.MomentsServiceApplication;
import com.contentsuite.moments.MomentsServiceIntegrationTest;
import com.contentsuite.testsupport.ServiceApi;
import com.contentsuite.testsupport.ServiceApi.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/api.md section 5: "{@code likeCount} is the post's like count after the operation
 * and equals the number of like rows, under any interleaving of calls". Two running
 * instances of the service on one database and one Redis namespace (the test context and
 * a second application started beside it), many threads liking and un-liking one post as
 * many users through both instances alternately. Afterwards the post's {@code like_count}
 * must equal its rows, what both instances answer, and the users whose {@code liked}
 * reads true; a user only one thread drives must end in the state of its last call; and
 * every answer must have been a count this call could have left.
 */
class LikesConcurrencyIntegrationTests extends MomentsServiceIntegrationTest {

	/** Rerun a failing race with {@code -Dmoments.likes.seed=<seed>}. */
	private static final String SEED_PROPERTY = "moments.likes.seed";

	private static final int LIKERS = 24;

	/** Likers 0 to 7 are driven by every thread, the others each by one thread only. */
	private static final int SHARED_LIKERS = 8;

	private static final int THREADS = 16;

	/** 16 x 20 calls: a run of one to a few seconds on two shared cores. */
	private static final int OPERATIONS = 20;

	private static ConfigurableApplicationContext second;

	@Autowired
	private Environment environment;

	@Autowired
	private JdbcClient jdbc;

	private ServiceApi secondApi;

	@BeforeEach
	void startTheSecondInstance() {
		if (second == null) {
			// Command-line arguments: they take precedence over application.yml, which
			// would point the instance at the default database and namespace.
			second = new SpringApplicationBuilder(MomentsServiceApplication.class).run(same("spring.datasource.url"),
					same("spring.datasource.username"), same("spring.datasource.password"),
					same("spring.data.redis.url"), same("suite.redis.namespace"),
					same("spring.cloud.discovery.client.simple.instances.user-service[0].uri"),
					same("moments.storage.local.directory"), same("moments.storage.local.base-url"), "--server.port=0");
		}
		int port = ((WebServerApplicationContext) second).getWebServer().getPort();
		assertThat(port).isNotEqualTo(this.port);
		for (String shared : List.of("spring.datasource.url", "suite.redis.namespace",
				"spring.cloud.discovery.client.simple.instances.user-service[0].uri")) {
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

	@RepeatedTest(10)
	void leaveTheCountEqualToItsRowsOnBothInstances() throws Exception {
		long seed = Long.getLong(SEED_PROPERTY, System.nanoTime());
		String context = "seed " + seed + " (rerun with -D" + SEED_PROPERTY + "=" + seed + ")";
		long author = newUser();
		long post = publish(author);
		long[] users = new long[LIKERS];
		for (int i = 0; i < LIKERS; i++) {
			users[i] = newUser();
		}
		ServiceApi[] instances = { this.api, this.secondApi };
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		// The state the last call left of a liker one thread drives (never driven: not
		// liked). Each slot is written by its one thread, read after the pool's futures.
		boolean[] lastCall = new boolean[LIKERS];
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			int owned = SHARED_LIKERS + t;
			Random random = new Random(seed + t);
			workers.add(pool.submit(() -> {
				start.await();
				for (int op = 0; op < OPERATIONS; op++) {
					int user = (owned < LIKERS && random.nextInt(3) == 0) ? owned : random.nextInt(SHARED_LIKERS);
					boolean cancel = random.nextBoolean();
					int instance = op % 2;
					String call = "like cancel=" + cancel + " by liker " + user + " on instance " + instance;
					try {
						Reply reply = like(instances[instance], users[user],
								"{\"postID\":\"" + post + "\",\"cancel\":" + cancel + "}");
						if (reply.status() != 200 || reply.errCode() != 0 || !reply.data().has("likeCount")) {
							failures.add(call + ": " + reply.status() + " " + reply.body());
						}
						else {
							long count = reply.data().get("likeCount").longValue();
							// The count after this call: the caller's own like is in it,
							// or not, whatever the others did.
							long least = cancel ? 0 : 1;
							long most = cancel ? LIKERS - 1 : LIKERS;
							if (count < least || count > most) {
								failures.add(call + ": likeCount " + count + " outside [" + least + ", " + most + "]");
							}
						}
					}
					catch (RuntimeException ex) {
						failures.add(call + ": " + ex);
					}
					if (user >= SHARED_LIKERS) {
						lastCall[user] = !cancel;
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

		Set<Long> rows = new TreeSet<>(likers(post));
		long column = likeCount(post);
		System.out.printf("%s: %d likes and un-likes in %d ms, %d likes left%n", context, THREADS * OPERATIONS, millis,
				column);
		assertThat(failures).as(context).isEmpty();
		assertThat(column).as("%s: like_count against the moment_like rows %s", context, rows).isEqualTo(rows.size());
		for (int instance = 0; instance < instances.length; instance++) {
			JsonNode seen = get(instances[instance], post, author, context);
			assertThat(seen.get("likeCount").longValue()).as("%s: likeCount instance %d answers", context, instance)
				.isEqualTo(rows.size());
		}
		Set<Long> readingLiked = new TreeSet<>();
		for (int i = 0; i < LIKERS; i++) {
			JsonNode seen = get(instances[i % 2], post, users[i], context);
			if (seen.get("liked").booleanValue()) {
				readingLiked.add(users[i]);
			}
			if (i >= SHARED_LIKERS) {
				assertThat(rows.contains(users[i]))
					.as("%s: a like row of liker %d, whose last call left liked=%s", context, i, lastCall[i])
					.isEqualTo(lastCall[i]);
			}
		}
		assertThat(readingLiked).as("%s: the users whose liked reads true", context).isEqualTo(rows);
	}

	private static Reply like(ServiceApi instance, long userId, String json) {
		return instance.send("POST", "/chatx/moments/like", ServiceApi.GATEWAY, userId, json);
	}

	/** The post as {@code viewer} gets it from {@code instance}. */
	private static JsonNode get(ServiceApi instance, long post, long viewer, String context) {
		Reply reply = instance.send("POST", "/chatx/moments/get", ServiceApi.GATEWAY, viewer,
				"{\"postID\":\"" + post + "\"}");
		assertThat(reply.errCode()).as("%s: get by %d: %s", context, viewer, reply.body()).isZero();
		return reply.data();
	}

	private List<Long> likers(long post) {
		return this.jdbc.sql("SELECT user_id FROM moment_like WHERE post_id = ?").param(post).query(Long.class).list();
	}

	private long likeCount(long post) {
		return this.jdbc.sql("SELECT like_count FROM moment_post WHERE id = ?").param(post).query(Long.class).single();
	}

}
