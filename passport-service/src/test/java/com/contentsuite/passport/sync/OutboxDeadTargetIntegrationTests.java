package com.contentsuite.passport.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.contentsuite.passport.Eventually;
import com.contentsuite.passport.PassportIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user-service that answers 503 is called once per drain, not once per waiting event,
 * and every event stays due within the backoff cap. The relay's own poll is switched off
 * so the test drives each drain itself.
 */
class OutboxDeadTargetIntegrationTests extends PassportIntegrationTest {

	private static final UserServiceStub userService = new UserServiceStub();

	@Autowired
	private OutboxRelay relay;

	@DynamicPropertySource
	static void pointAtTheStub(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.user-service[0].uri",
				() -> "http://127.0.0.1:" + userService.port);
		registry.add("passport.sync.poll-interval", () -> "1h");
		registry.add("resilience4j.circuitbreaker.configs.default.minimum-number-of-calls", () -> "1000");
	}

	@AfterAll
	static void stopStub() {
		userService.stop();
	}

	@Test
	void aDrainStopsAtTheFirstUnavailableAnswerAndPutsTheRestBack() {
		userService.answerWith(503);
		userService.start();
		List<Long> users = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			users.add(register(newUsername()));
		}
		Eventually.await("the drains the commits asked for", Duration.ofSeconds(20),
				() -> !userService.received.isEmpty() && this.relay.isIdle());
		this.jdbc.update("UPDATE account_outbox SET next_attempt_at = NOW(3) - INTERVAL 1 SECOND");
		Map<Long, Integer> before = callsPerUser(users);

		assertThat(this.relay.drainDue()).isZero();

		Map<Long, Integer> after = callsPerUser(users);
		assertThat(users.stream().filter((u) -> !after.get(u).equals(before.get(u))))
			.as("events tried against a target that answers 503")
			.hasSize(1);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(DISTINCT next_attempt_at) FROM account_outbox WHERE delivered_at IS NULL", Integer.class))
			.as("every waiting event is due with the one that was tried")
			.isEqualTo(1);

		userService.answerWith(200);
		this.jdbc.update("UPDATE account_outbox SET next_attempt_at = NOW(3) - INTERVAL 1 SECOND");
		assertThat(this.relay.drainDue()).isEqualTo(4);
	}

	@Test
	void theDefaultBackoffIsCappedAtFourSeconds() {
		assertThat(this.properties.maxBackoff()).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.properties.backoffAfter(100)).isEqualTo(Duration.ofSeconds(4));
	}

	@Autowired
	private SyncProperties properties;

	private static Map<Long, Integer> callsPerUser(List<Long> users) {
		Map<Long, Integer> calls = new HashMap<>();
		users.forEach((u) -> calls.put(u, userService.receivedFor(Long.toString(u)).size()));
		return calls;
	}

}
