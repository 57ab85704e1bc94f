package com.contentsuite.user.relation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.contentsuite.common.redis.RedisNamespace;
import com.contentsuite.user.Api;
import com.contentsuite.testsupport.ServiceApi.Reply;
import com.contentsuite.user.UserServiceIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races follow, unfollow, blacklist, unblacklist and profile reads (which rebuild the
 * cached counts) between a few users from many threads, then checks that every cached
 * count equals the rows, and that no follow row outlived a blacklist row of its pair.
 */
class RelationCountsConcurrencyIntegrationTests extends UserServiceIntegrationTest {

	private static final int USERS = 5;

	private static final int THREADS = 16;

	private static final int OPERATIONS = 200;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private RedisNamespace namespace;

	@Nested
	class ConcurrentChanges {

		@Test
		void leaveEveryCachedCountEqualToItsRows() throws Exception {
			long[] users = new long[USERS];
			for (int i = 0; i < USERS; i++) {
				users[i] = syncedUser();
			}
			Api api = RelationCountsConcurrencyIntegrationTests.this.api;
			ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(THREADS);
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				workers.add(pool.submit(() -> {
					start.await();
					ThreadLocalRandom random = ThreadLocalRandom.current();
					for (int op = 0; op < OPERATIONS; op++) {
						long user = users[random.nextInt(USERS)];
						long target = users[random.nextInt(USERS)];
						Reply reply = operate(api, random.nextInt(6), user, target);
						int code = reply.errCode();
						// 1301: a random pair may be the same user; 1302: blocked.
						if (code != 0 && code != 1301 && code != 1302) {
							failures.add(reply.body());
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> worker : workers) {
				worker.get(5, TimeUnit.MINUTES);
			}
			pool.shutdown();

			assertThat(failures).isEmpty();
			for (long user : users) {
				long following = rows("SELECT COUNT(*) FROM user_follow WHERE user_id = ?", user);
				long followers = rows("SELECT COUNT(*) FROM user_follow WHERE target_id = ?", user);
				assertCachedCopies(user, following, followers);
				JsonNode own = api.get("/users/me", user).data();
				JsonNode seen = api.get("/users/" + user, null).data();
				assertThat(own.get("followingCount").longValue()).as("following of %d", user).isEqualTo(following);
				assertThat(own.get("followerCount").longValue()).as("followers of %d", user).isEqualTo(followers);
				assertThat(seen.get("followingCount").longValue()).isEqualTo(following);
				assertThat(seen.get("followerCount").longValue()).isEqualTo(followers);
				assertCachedCopies(user, following, followers);
			}
			String userList = java.util.Arrays.stream(users)
				.mapToObj(Long::toString)
				.collect(java.util.stream.Collectors.joining(","));
			assertThat(rows("""
					SELECT COUNT(*) FROM user_follow f JOIN user_blacklist b
					ON (b.user_id = f.user_id AND b.target_id = f.target_id)
					OR (b.user_id = f.target_id AND b.target_id = f.user_id)
					WHERE f.user_id IN (%s)""".formatted(userList)))
				.as("follow rows beside a blacklist row of their pair")
				.isZero();
		}

	}

	private static Reply operate(Api api, int kind, long user, long target) {
		return switch (kind) {
			case 0, 1 -> api.send("POST", "/users/followings", Api.GATEWAY, user, "{\"target\": \"" + target + "\"}");
			case 2 -> api.send("DELETE", "/users/followings/" + target, Api.GATEWAY, user, null);
			case 3 -> api.send("POST", "/users/blacklist", Api.GATEWAY, user, "{\"target\": \"" + target + "\"}");
			case 4 -> api.send("DELETE", "/users/blacklist/" + target, Api.GATEWAY, user, null);
			default -> api.get("/users/" + target, user);
		};
	}

	private long rows(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private void assertCachedCopies(long user, long following, long followers) {
		String cachedFollowing = this.redis.opsForValue().get(this.namespace.key("user:count:following:" + user));
		String cachedFollowers = this.redis.opsForValue().get(this.namespace.key("user:count:followers:" + user));
		if (cachedFollowing != null) {
			assertThat(Long.parseLong(cachedFollowing)).as("cached following of %d", user).isEqualTo(following);
		}
		if (cachedFollowers != null) {
			assertThat(Long.parseLong(cachedFollowers)).as("cached followers of %d", user).isEqualTo(followers);
		}
	}

}
