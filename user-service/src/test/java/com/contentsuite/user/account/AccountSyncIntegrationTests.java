package com.contentsuite.user.account;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.contentsuite.user.Api;
import com.contentsuite.testsupport.ServiceApi.Reply;
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

	/**
	 * passport accepts usernames of 3-20 code points, CJK characters outside the BMP
	 * included, and sends nickname = username: lengths here count code points (as the
	 * utf8mb4 columns do), never UTF-16 units, or such an event is refused for ever.
	 */
	@Nested
	class SupplementaryPlaneText {

		@Test
		void aTwentyCharacterUsernameCreatesTheProfileAndReadsBackUnchanged() {
			long userId = newUserId();
			String name = supplementaryCjk(20);

			boolean applied = AccountSyncIntegrationTests.this.api.sync(userId, name, null, name, 1);

			assertThat(applied).isTrue();
			JsonNode data = profile(userId);
			assertThat(data.get("username").stringValue()).isEqualTo(name);
			assertThat(data.get("nickname").stringValue()).isEqualTo(name);
			assertStoredIntact(userId, "username", name);
			assertStoredIntact(userId, "nickname", name);
		}

		@Test
		void aRenameToATwentyCharacterUsernameApplies() {
			long userId = newUserId();
			AccountSyncIntegrationTests.this.api.sync(userId, "gina", "138****8000", "gina", 1);
			String name = supplementaryCjk(20);

			boolean applied = AccountSyncIntegrationTests.this.api.sync(userId, name, "138****8000", name, 2);

			assertThat(applied).isTrue();
			JsonNode data = profile(userId);
			assertThat(data.get("username").stringValue()).isEqualTo(name);
			assertThat(data.get("nickname").stringValue()).isEqualTo("gina");
			assertStoredIntact(userId, "username", name);
		}

		@Test
		void aThirtyTwoCharacterNicknameIsStoredIntact() {
			long userId = newUserId();
			String nickname = supplementaryCjk(32);

			boolean applied = AccountSyncIntegrationTests.this.api.sync(userId, null, "138****8000", nickname, 1);

			assertThat(applied).isTrue();
			assertThat(profile(userId).get("nickname").stringValue()).isEqualTo(nickname);
			assertStoredIntact(userId, "nickname", nickname);
		}

		@Test
		void aNicknameOver32OrAUsernameOver64CharactersIsRefusedWith1001() {
			assertRefused(event(newUserId(), "ok_name", supplementaryCjk(33)), "nickname");
			assertRefused(event(newUserId(), supplementaryCjk(65), "ok_name"), "username");
			assertThat(AccountSyncIntegrationTests.this.api.sync(newUserId(), supplementaryCjk(64), null, "n", 1))
				.isTrue();
		}

		@Test
		void travelOverAUtf8mb4ConnectionIntoUtf8mb4Columns() {
			JdbcClient jdbc = AccountSyncIntegrationTests.this.jdbc;
			assertThat(jdbc.sql("SELECT @@character_set_client").query(String.class).single()).isEqualTo("utf8mb4");
			assertThat(jdbc.sql("SELECT @@character_set_connection").query(String.class).single()).isEqualTo("utf8mb4");
			assertThat(jdbc
				.sql("""
						SELECT DISTINCT CHARACTER_SET_NAME FROM information_schema.COLUMNS
						WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'user_profile' AND CHARACTER_SET_NAME IS NOT NULL""")
				.query(String.class)
				.list()).containsExactly("utf8mb4");
		}

		private Reply event(long userId, String username, String nickname) {
			return AccountSyncIntegrationTests.this.api.internal("/internal/users/sync",
					"{\"userID\": \"%d\", \"username\": %s, \"nickname\": %s, \"version\": 1}".formatted(userId,
							Api.quote(username), Api.quote(nickname)));
		}

		private void assertRefused(Reply reply, String field) {
			assertThat(reply.status()).as(reply.body()).isEqualTo(400);
			assertThat(reply.errCode()).isEqualTo(1001);
			assertThat(reply.errDlt()).startsWith(field + " ");
		}

		// The row itself, not only the API's echo: the same text, one character per code
		// point (not '?' per character, nor two per surrogate pair) and four bytes each.
		private void assertStoredIntact(long userId, String column, String expected) {
			JdbcClient jdbc = AccountSyncIntegrationTests.this.jdbc;
			String sql = "SELECT %1$s, CHAR_LENGTH(%1$s), LENGTH(%1$s) FROM user_profile WHERE user_id = ?"
				.formatted(column);
			List<Object> row = jdbc.sql(sql)
				.param(userId)
				.query((rs, n) -> List.<Object>of(rs.getString(1), rs.getLong(2), rs.getLong(3)))
				.single();
			int codePoints = expected.codePointCount(0, expected.length());
			assertThat(row).containsExactly(expected, (long) codePoints,
					(long) expected.getBytes(StandardCharsets.UTF_8).length);
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
