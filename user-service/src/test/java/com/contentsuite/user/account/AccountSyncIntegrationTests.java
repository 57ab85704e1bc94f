package com.contentsuite.user.account;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.contentsuite.user.Api.Reply;
import com.contentsuite.user.UserServiceIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class AccountSyncIntegrationTests extends UserServiceIntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	private JsonNode profile(long userId) {
		return this.api.get("/users/me", userId).data();
	}

	@Nested
	class Sync {

		@Test
		void createsTheProfileOnTheFirstEvent() {
			long userId = newUserId();

			boolean applied = AccountSyncIntegrationTests.this.api.sync(userId, "dave", "138****8000", "dave", 1);

			assertThat(applied).isTrue();
			JsonNode data = profile(userId);
			assertThat(data.get("username").stringValue()).isEqualTo("dave");
			assertThat(data.get("mobile").stringValue()).isEqualTo("138****8000");
			assertThat(data.get("nickname").stringValue()).isEqualTo("dave");
		}

		@Test
		void acceptsTheUserIdAsANumber() {
			long userId = newUserId();

			Reply reply = AccountSyncIntegrationTests.this.api.internal("/internal/users/sync",
					"{\"userID\": %d, \"username\": \"num\", \"mobile\": null, \"nickname\": \"num\", \"version\": 3}"
						.formatted(userId));

			assertThat(reply.data().get("applied").booleanValue()).isTrue();
			assertThat(profile(userId).get("username").stringValue()).isEqualTo("num");
		}

		@Test
		void storesAFullMobileNumberOnlyMasked() {
			long userId = newUserId();

			AccountSyncIntegrationTests.this.api.sync(userId, null, "13912345678", "139****5678", 1);

			assertThat(profile(userId).get("mobile").stringValue()).isEqualTo("139****5678");
			assertThat(storedMobile(userId)).isEqualTo("139****5678");
		}

		@Test
		void appliesANewerVersionToUsernameAndMobileButKeepsTheUsersNickname() {
			long userId = newUserId();
			AccountSyncIntegrationTests.this.api.sync(userId, null, "138****8000", "138****8000", 4);
			AccountSyncIntegrationTests.this.api.put("/users/me", userId, "{\"nickname\": \"Mine\"}");

			boolean applied = AccountSyncIntegrationTests.this.api.sync(userId, "erin", "139****0000", "erin", 9);

			assertThat(applied).isTrue();
			JsonNode data = profile(userId);
			assertThat(data.get("username").stringValue()).isEqualTo("erin");
			assertThat(data.get("mobile").stringValue()).isEqualTo("139****0000");
			assertThat(data.get("nickname").stringValue()).isEqualTo("Mine");
		}

		@Test
		void ignoresAnOlderVersion() {
			long userId = newUserId();
			AccountSyncIntegrationTests.this.api.sync(userId, "new", "138****8000", "new", 7);

			boolean applied = AccountSyncIntegrationTests.this.api.sync(userId, "old", "137****0000", "old", 6);

			assertThat(applied).isFalse();
			assertThat(profile(userId).get("username").stringValue()).isEqualTo("new");
			assertThat(profile(userId).get("mobile").stringValue()).isEqualTo("138****8000");
		}

		@Test
		void treatsAReplayAsHarmless() {
			long userId = newUserId();
			AccountSyncIntegrationTests.this.api.sync(userId, "frank", "138****8000", "frank", 2);
			AccountSyncIntegrationTests.this.api.put("/users/me", userId, "{\"signature\": \"kept\"}");
			JsonNode before = profile(userId);

			boolean applied = AccountSyncIntegrationTests.this.api.sync(userId, "frank", "138****8000", "frank", 2);

			assertThat(applied).isFalse();
			assertThat(profile(userId)).isEqualTo(before);
			assertThat(rows(userId)).isEqualTo(1);
		}

		@Test
		void concurrentEventsOfOneUserLeaveOneRowWithTheNewestState() throws Exception {
			ExecutorService pool = Executors.newFixedThreadPool(12);
			try {
				for (int round = 0; round < 5; round++) {
					long userId = newUserId();
					deliverAtOnce(pool, userId, 12);

					assertThat(rows(userId)).isEqualTo(1);
					assertThat(profile(userId).get("username").stringValue()).isEqualTo("v12");
					assertThat(AccountSyncIntegrationTests.this.jdbc
						.sql("SELECT account_version FROM user_profile WHERE user_id = ?")
						.param(userId)
						.query(Long.class)
						.single()).isEqualTo(12L);
				}
			}
			finally {
				pool.shutdownNow();
			}
		}

		// Versions 1..count of one new user, shuffled, released together.
		private void deliverAtOnce(ExecutorService pool, long userId, int count) throws Exception {
			List<Integer> versions = new ArrayList<>();
			for (int version = 1; version <= count; version++) {
				versions.add(version);
			}
			Collections.shuffle(versions);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Boolean>> results = new ArrayList<>();
			for (int version : versions) {
				results.add(pool.submit(() -> {
					start.await();
					return AccountSyncIntegrationTests.this.api.sync(userId, "v" + version, null, "v" + version,
							version);
				}));
			}
			start.countDown();
			for (Future<Boolean> result : results) {
				result.get();
			}
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|',
				value = { "{\"username\": \"a\", \"nickname\": \"a\", \"version\": 1}|userID",
						"{\"userID\": \"x1\", \"nickname\": \"a\", \"version\": 1}|userID",
						"{\"userID\": \"5\", \"username\": \"a\", \"version\": 1}|nickname",
						"{\"userID\": \"5\", \"nickname\": \"a\"}|version",
						"{\"userID\": \"5\", \"nickname\": \"a\", \"version\": 0}|version",
						"{\"userID\": \"5\", \"nickname\": \"a\", \"mobile\": \"12ab\", \"version\": 1}|mobile" })
		void refusesAnIncompleteOrInvalidEventWith1001(String body, String field) {
			Reply reply = AccountSyncIntegrationTests.this.api.internal("/internal/users/sync", body);

			assertThat(reply.status()).as(reply.body()).isEqualTo(400);
			assertThat(reply.errCode()).isEqualTo(1001);
			assertThat(reply.errDlt()).startsWith(field + " ");
		}

	}

	private int rows(long userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM user_profile WHERE user_id = ?")
			.param(userId)
			.query(Integer.class)
			.single();
	}

	private String storedMobile(long userId) {
		return this.jdbc.sql("SELECT mobile FROM user_profile WHERE user_id = ?")
			.param(userId)
			.query(String.class)
			.single();
	}

}
