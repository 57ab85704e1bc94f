package com.contentsuite.passport.account;

import java.util.List;
import java.util.Map;

import com.contentsuite.passport.PassportClient.Answer;
import com.contentsuite.passport.PassportIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsernameIntegrationTests extends PassportIntegrationTest {

	private Answer rename(long userId, String username) {
		return client.put("/passport/username", Map.of("username", username), userId);
	}

	@Test
	void renamesTheAccountAndQueuesTheChangeForUserService() {
		String before = newUsername();
		long userId = register(before);
		String after = newUsername();

		Answer answer = rename(userId, after);
		assertThat(answer.errCode()).as(answer.toString()).isZero();
		assertThat(answer.text("username")).isEqualTo(after);
		assertThat(loginOk(after, PASSWORD).userId()).isEqualTo(userId);
		assertThat(login(before, PASSWORD).errCode()).isEqualTo(20001);

		List<Map<String, Object>> events = jdbc
			.queryForList("SELECT id, username, nickname FROM account_outbox WHERE user_id = ? ORDER BY id", userId);
		assertThat(events).hasSize(2);
		assertThat(events.get(1).get("username")).isEqualTo(after);
		assertThat(events.get(1).get("nickname")).isEqualTo(after);
		assertThat((Long) events.get(1).get("id")).isGreaterThan((Long) events.get(0).get("id"));
	}

	@Test
	void aNameAnotherAccountHoldsInAnyCaseIs20004() {
		String taken = newUsername();
		register(taken);
		long userId = register(newUsername());
		Answer answer = rename(userId, taken.toUpperCase());
		assertThat(answer.status()).isEqualTo(409);
		assertThat(answer.errCode()).isEqualTo(20004);
	}

	@Test
	void changingOnlyTheCaseOfOnesOwnNameIsAllowed() {
		String username = newUsername();
		long userId = register(username);
		Answer answer = rename(userId, username.toUpperCase());
		assertThat(answer.errCode()).as(answer.toString()).isZero();
		assertThat(jdbc.queryForObject("SELECT username FROM account WHERE id = ?", String.class, userId))
			.isEqualTo(username.toUpperCase());
	}

	@Test
	void anInvalidNameIsAnArgumentError() {
		long userId = register(newUsername());
		for (String invalid : List.of("ab", "1234567", "has space", "x".repeat(21))) {
			Answer answer = rename(userId, invalid);
			assertThat(answer.errCode()).as(invalid).isEqualTo(1001);
			assertThat(answer.errDlt()).contains("username");
		}
		assertThat(client.put("/passport/username", Map.of(), userId).errCode()).isEqualTo(1001);
	}

	@Test
	void needsAVerifiedUser() {
		Answer answer = rename(0L, newUsername());
		assertThat(answer.status()).isEqualTo(403);
		Answer anonymous = client.put("/passport/username", Map.of("username", newUsername()), null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.errDlt()).isEqualTo("token is empty");
	}

}
