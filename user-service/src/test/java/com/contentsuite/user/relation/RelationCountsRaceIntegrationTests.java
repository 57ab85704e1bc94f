package com.contentsuite.user.relation;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.contentsuite.common.redis.RedisNamespace;
import com.contentsuite.user.Api;
import com.contentsuite.testsupport.ServiceApi.Reply;
import com.contentsuite.user.UserServiceIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;

/**
 * The one interleaving that breaks a naive "delete after commit, rebuild on read" cache,
 * forced deterministically: a profile read counts the rows, a follow commits and
 * invalidates, and only then does the read try to store its (now stale) count.
 */
class RelationCountsRaceIntegrationTests extends UserServiceIntegrationTest {

	@MockitoSpyBean
	private RelationRepository relations;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private RedisNamespace namespace;

	private final ExecutorService executor = Executors.newSingleThreadExecutor();

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
	}

	@Nested
	class RebuildRacingAChange {

		@Test
		void neverStoresACountThatMissedACommittedChange() throws Exception {
			long alice = syncedUser();
			long bob = syncedUser();
			Api api = RelationCountsRaceIntegrationTests.this.api;
			CountDownLatch counted = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			AtomicLong paused = new AtomicLong(alice);
			doAnswer((invocation) -> {
				Object counts = invocation.callRealMethod();
				if (paused.compareAndSet(invocation.getArgument(0), 0)) {
					counted.countDown();
					assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
				}
				return counts;
			}).when(RelationCountsRaceIntegrationTests.this.relations).count(anyLong());

			Future<Reply> read = RelationCountsRaceIntegrationTests.this.executor
				.submit(() -> api.get("/users/" + alice, null));
			assertThat(counted.await(10, TimeUnit.SECONDS)).isTrue();
			Reply follow = api.send("POST", "/users/followings", Api.GATEWAY, bob, "{\"target\": \"" + alice + "\"}");
			assertThat(follow.errCode()).isZero();
			release.countDown();

			// The racing read answers what it counted; what matters is what it left
			// behind.
			assertThat(read.get(10, TimeUnit.SECONDS).data().get("followerCount").longValue()).isZero();
			String cached = RelationCountsRaceIntegrationTests.this.redis.opsForValue()
				.get(RelationCountsRaceIntegrationTests.this.namespace.key("user:count:followers:" + alice));
			assertThat(cached).as("stale copy left in Redis").isNull();
			assertThat(api.get("/users/" + alice, null).data().get("followerCount").longValue()).isEqualTo(1);
			assertThat(api.get("/users/me", alice).data().get("followerCount").longValue()).isEqualTo(1);
		}

		@Test
		void aCountReadInsideATransactionIsNeverStored() {
			long alice = syncedUser();
			Api api = RelationCountsRaceIntegrationTests.this.api;

			Reply update = api.put("/users/me", alice, "{\"nickname\": \"Alice\"}");

			assertThat(update.errCode()).isZero();
			assertThat(RelationCountsRaceIntegrationTests.this.redis.opsForValue()
				.get(RelationCountsRaceIntegrationTests.this.namespace.key("user:count:following:" + alice))).isNull();
		}

	}

}
