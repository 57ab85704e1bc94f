package com.contentsuite.passport.sync;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.contentsuite.passport.Eventually;
import com.contentsuite.passport.PassportClient;
import com.contentsuite.passport.PassportIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account-sync outbox against a stub user-service that is down, failing or up:
 * registration never waits for it, and every event arrives once it answers.
 */
class OutboxIntegrationTests extends PassportIntegrationTest {

	private static final UserServiceStub userService = new UserServiceStub();

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@DynamicPropertySource
	static void pointAtTheStub(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.user-service[0].uri",
				() -> "http://127.0.0.1:" + userService.port);
		registry.add("passport.sync.initial-backoff", () -> "100ms");
		registry.add("passport.sync.max-backoff", () -> "400ms");
		registry.add("passport.sync.poll-interval", () -> "100ms");
		registry.add("resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state", () -> "200ms");
	}

	@AfterEach
	void stopStub() {
		userService.stop();
		userService.answerWith(200);
	}

	@AfterAll
	static void stopStubForGood() {
		userService.stop();
	}

	@Test
	void registerSucceedsWhileUserServiceIsDownAndTheEventArrivesWhenItIsBack() {
		String username = newUsername();
		long userId = register(username);
		Map<String, Object> row = eventOf(userId);
		Eventually.await("failed attempts", TIMEOUT, () -> attempts(row) >= 2);
		assertThat(deliveredAt(row)).isNull();

		userService.start();
		Eventually.await("delivery", TIMEOUT, () -> deliveredAt(row) != null);

		List<UserServiceStub.Received> calls = userService.receivedFor(Long.toString(userId));
		assertThat(calls).hasSize(1);
		UserServiceStub.Received call = calls.get(0);
		assertThat(call.method()).isEqualTo("POST");
		assertThat(call.path()).isEqualTo("/internal/users/sync");
		assertThat(auth.verify(call.signature(), "POST", "/internal/users/sync", null, call.operationId()))
			.isEqualTo("passport-service");
		JsonNode body = PassportClient.JSON.readTree(call.body());
		assertThat(body.get("userID").asString()).isEqualTo(Long.toString(userId));
		assertThat(body.get("username").asString()).isEqualTo(username);
		assertThat(body.get("mobile").isNull()).isTrue();
		assertThat(body.get("nickname").asString()).isEqualTo(username);
		assertThat(body.get("version").asLong()).isEqualTo(row.get("id"));
	}

	@Test
	void anErrorAnswerKeepsTheEventUntilUserServiceSucceeds() {
		userService.answerWith(503);
		userService.start();
		String mobile = newMobile();
		Map<String, Object> row = eventOf(
				Long.parseLong(registerWith(Map.of("mobile", mobile, "password", PASSWORD)).text("userID")));
		Eventually.await("failed attempts", TIMEOUT, () -> attempts(row) >= 2);
		assertThat(deliveredAt(row)).isNull();
		assertThat(userService.receivedFor(row.get("user_id").toString())).isNotEmpty();

		userService.answerWith(200);
		Eventually.await("delivery", TIMEOUT, () -> deliveredAt(row) != null);

		List<UserServiceStub.Received> calls = userService.receivedFor(row.get("user_id").toString());
		JsonNode body = PassportClient.JSON.readTree(calls.get(calls.size() - 1).body());
		String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);
		assertThat(body.get("username").isNull()).isTrue();
		assertThat(body.get("mobile").asString()).isEqualTo(masked);
		assertThat(body.get("nickname").asString()).isEqualTo(masked);
	}

	@Test
	void aReplayedEventIsTheSameEventAgainAndChangesNothingHere() {
		userService.start();
		long userId = register(newUsername());
		Map<String, Object> row = eventOf(userId);
		Eventually.await("delivery", TIMEOUT, () -> deliveredAt(row) != null);

		jdbc.update("UPDATE account_outbox SET delivered_at = NULL, next_attempt_at = NOW(3) WHERE id = ?",
				row.get("id"));
		Eventually.await("second delivery", TIMEOUT, () -> deliveredAt(row) != null);

		List<UserServiceStub.Received> calls = userService.receivedFor(Long.toString(userId));
		assertThat(calls).hasSize(2);
		assertThat(calls.get(1).body()).isEqualTo(calls.get(0).body());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account_outbox WHERE user_id = ?", Integer.class, userId))
			.isEqualTo(1);
	}

	@Test
	void aUsernameChangeArrivesWithAHigherVersion() {
		userService.start();
		long userId = register(newUsername());
		String renamed = newUsername();
		assertThat(client.put("/passport/username", Map.of("username", renamed), userId).errCode()).isZero();
		Eventually.await("both events", TIMEOUT,
				() -> userService.receivedFor(Long.toString(userId)).size() == 2 && jdbc.queryForObject(
						"SELECT COUNT(*) FROM account_outbox WHERE user_id = ? AND delivered_at IS NULL", Integer.class,
						userId) == 0);

		List<JsonNode> bodies = userService.receivedFor(Long.toString(userId))
			.stream()
			.map((call) -> PassportClient.JSON.readTree(call.body()))
			.sorted((a, b) -> Long.compare(a.get("version").asLong(), b.get("version").asLong()))
			.toList();
		assertThat(bodies.get(1).get("username").asString()).isEqualTo(renamed);
		assertThat(bodies.get(1).get("version").asLong()).isGreaterThan(bodies.get(0).get("version").asLong());
	}

	private Map<String, Object> eventOf(long userId) {
		return jdbc.queryForMap("SELECT id, user_id FROM account_outbox WHERE user_id = ?", userId);
	}

	private int attempts(Map<String, Object> row) {
		return jdbc.queryForObject("SELECT attempts FROM account_outbox WHERE id = ?", Integer.class, row.get("id"));
	}

	private Object deliveredAt(Map<String, Object> row) {
		return jdbc.queryForObject("SELECT delivered_at FROM account_outbox WHERE id = ?", Object.class, row.get("id"));
	}

}
