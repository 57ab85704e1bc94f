package com.contentsuite.passport.password;

import java.util.List;
import java.util.Map;

import com.contentsuite.passport.Concurrently;
import com.contentsuite.passport.PassportClient.Answer;
import com.contentsuite.passport.PassportIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordChangeIntegrationTests extends PassportIntegrationTest {

	private static final String NEW_PASSWORD = "amber-violin-meadow-77";

	private Answer change(long userId, String oldPassword, String newPassword) {
		return client.put("/passport/password", Map.of("oldPassword", oldPassword, "newPassword", newPassword), userId);
	}

	@Test
	void changesThePasswordAndRevokesEverySessionOfTheUser() {
		String username = newUsername();
		register(username);
		Tokens phone = loginOk(username, PASSWORD);
		Tokens laptop = loginOk(username, PASSWORD);

		Answer answer = change(phone.userId(), PASSWORD, NEW_PASSWORD);
		assertThat(answer.errCode()).as(answer.toString()).isZero();
		assertThat(answer.data().isEmpty()).isTrue();

		for (Tokens tokens : new Tokens[] { phone, laptop }) {
			assertThat(revokedAt(tokens.sid())).isNotNull();
			assertThat(revokedInRedis(tokens.sid())).isTrue();
			assertThat(refresh(tokens.refresh()).errCode()).isEqualTo(1506);
		}
		assertThat(login(username, PASSWORD).errCode()).isEqualTo(20001);
		Tokens after = loginOk(username, NEW_PASSWORD);
		assertThat(revokedInRedis(after.sid())).isFalse();
	}

	@Test
	void aWrongOldPasswordIs20001AndCountsTowardsTheLockout() {
		String username = newUsername();
		long userId = register(username);
		for (int i = 0; i < 5; i++) {
			Answer wrong = change(userId, "not-my-password", NEW_PASSWORD);
			assertThat(wrong.errCode()).isEqualTo(20001);
		}
		assertThat(change(userId, PASSWORD, NEW_PASSWORD).errCode()).isEqualTo(1005);
		assertThat(login(username, PASSWORD).errCode()).isEqualTo(1005);
	}

	@Test
	void concurrentWrongOldPasswordsGetNoMoreGuessesThanTheLimit() {
		String username = newUsername();
		long userId = register(username);
		List<Integer> codes = Concurrently.run(20, (i) -> change(userId, "not-my-password-" + i, NEW_PASSWORD))
			.stream()
			.map(Answer::errCode)
			.toList();
		assertThat(codes).as(codes.toString()).containsOnly(20001, 1005);
		assertThat(codes.stream().filter((code) -> code == 20001).count()).as(codes.toString()).isBetween(1L, 5L);
		assertThat(change(userId, PASSWORD, NEW_PASSWORD).errCode()).isEqualTo(1005);
		assertThat(login(username, PASSWORD).errCode()).isEqualTo(1005);
	}

	@Test
	void theNewPasswordMustPassThePolicy() {
		String username = newUsername();
		long userId = register(username);
		Answer common = change(userId, PASSWORD, "12345678");
		assertThat(common.errCode()).isEqualTo(1001);
		assertThat(common.errDlt()).contains("password");
		assertThat(change(userId, PASSWORD, username).errCode()).isEqualTo(1001);
		assertThat(change(userId, PASSWORD, "short").errCode()).isEqualTo(1001);
		assertThat(loginOk(username, PASSWORD).userId()).isEqualTo(userId);
	}

	@Test
	void needsAVerifiedUser() {
		Answer answer = client.put("/passport/password", Map.of("oldPassword", PASSWORD, "newPassword", NEW_PASSWORD),
				null);
		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.errCode()).isEqualTo(1001);
		assertThat(answer.errDlt()).isEqualTo("token is empty");
	}

}
