package com.contentsuite.passport.login;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.contentsuite.passport.Concurrently;
import com.contentsuite.passport.PassportClient.Answer;
import com.contentsuite.passport.PassportIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginIntegrationTests extends PassportIntegrationTest {

	@Nested
	class Login {

		@Test
		void byUsernameInAnyCaseOrByMobileAnswersATokenPair() {
			String username = newUsername();
			String mobile = newMobile();
			Answer registered = registerWith(Map.of("username", username, "mobile", mobile, "password", PASSWORD));
			String userId = registered.text("userID");

			Answer answer = login(username.toUpperCase(), PASSWORD);
			assertThat(answer.errCode()).as(answer.toString()).isZero();
			assertThat(answer.text("userID")).isEqualTo(userId);
			assertThat(answer.text("tokenType")).isEqualTo("Bearer");
			assertThat(answer.data().get("expiresIn").asLong()).isEqualTo(1800);
			assertThat(answer.data().get("refreshExpiresIn").asLong()).isEqualTo(14 * 24 * 3600);
			String access = answer.text("accessToken");
			assertThat(claim(access, "sub")).isEqualTo(userId);
			assertThat(claim(access, "token_type")).isEqualTo("access");
			assertThat(claim(access, "iss")).isEqualTo("content-suite");
			assertThat(claim(answer.text("refreshToken"), "token_type")).isEqualTo("refresh");
			assertThat(claim(answer.text("refreshToken"), "sid")).isEqualTo(claim(access, "sid"));

			Answer byMobile = login(mobile, PASSWORD);
			assertThat(byMobile.text("userID")).isEqualTo(userId);
			assertThat(claim(byMobile.text("accessToken"), "jti")).isNotEqualTo(claim(access, "jti"));
			assertThat(claim(byMobile.text("accessToken"), "sid")).isNotEqualTo(claim(access, "sid"));
		}

		@Test
		void anUnknownAccountAndAWrongPasswordGiveTheSameAnswer() {
			String username = newUsername();
			register(username);
			Answer wrongPassword = login(username, PASSWORD + "x");
			Answer unknown = login(newUsername(), PASSWORD);
			assertThat(wrongPassword.status()).isEqualTo(400);
			assertThat(wrongPassword.errCode()).isEqualTo(20001);
			assertThat(unknown.body()).isEqualTo(wrongPassword.body());
		}

		@Test
		void missingFieldsAreArgumentErrors() {
			Answer answer = client.post("/passport/login", Map.of("account", newUsername()));
			assertThat(answer.errCode()).isEqualTo(1001);
			assertThat(answer.errDlt()).contains("password");
		}

	}

	@Nested
	class Lockout {

		@Test
		void fiveFailuresLockTheAccountEvenForTheRightPassword() {
			String username = newUsername();
			register(username);
			for (int i = 0; i < 5; i++) {
				assertThat(login(username, "wrong-password-" + i).errCode()).isEqualTo(20001);
			}
			Answer locked = login(username, PASSWORD);
			assertThat(locked.status()).isEqualTo(429);
			assertThat(locked.errCode()).isEqualTo(1005);
		}

		@Test
		void theLockCountsTheAccountWhicheverNameItIsReachedBy() {
			String username = newUsername();
			String mobile = newMobile();
			registerWith(Map.of("username", username, "mobile", mobile, "password", PASSWORD));
			for (int i = 0; i < 3; i++) {
				login(mobile, "wrong-password");
			}
			for (int i = 0; i < 2; i++) {
				login(username.toUpperCase(), "wrong-password");
			}
			assertThat(login(username, PASSWORD).errCode()).isEqualTo(1005);
		}

		@Test
		void aSuccessfulLoginClearsEarlierFailures() {
			String username = newUsername();
			register(username);
			for (int i = 0; i < 4; i++) {
				login(username, "wrong-password");
			}
			assertThat(login(username, PASSWORD).errCode()).isZero();
			for (int i = 0; i < 4; i++) {
				login(username, "wrong-password");
			}
			assertThat(login(username, PASSWORD).errCode()).isZero();
		}

		@Test
		void concurrentWrongPasswordsGetNoMoreGuessesThanTheLimit() {
			String username = newUsername();
			register(username);
			Map<Integer, Integer> codes = codes(Concurrently.run(20, (i) -> login(username, "wrong-password-" + i)));
			assertThat(codes.keySet()).as(codes.toString()).containsExactlyInAnyOrder(20001, 1005);
			assertThat(codes.get(20001)).as(codes.toString()).isBetween(1, 5);
			Answer locked = login(username, PASSWORD);
			assertThat(locked.status()).isEqualTo(429);
			assertThat(locked.errCode()).isEqualTo(1005);
		}

		@Test
		void concurrentGuessesAtAnUnknownAccountAreLimitedTheSameWay() {
			String nobody = newUsername();
			Map<Integer, Integer> codes = codes(Concurrently.run(20, (i) -> login(nobody, "wrong-password-" + i)));
			assertThat(codes.keySet()).as(codes.toString()).containsExactlyInAnyOrder(20001, 1005);
			assertThat(codes.get(20001)).as(codes.toString()).isBetween(1, 5);
			assertThat(login(nobody, PASSWORD).errCode()).isEqualTo(1005);
		}

		@Test
		void aSuccessfulLoginAfterFewerFailuresThanTheLimitResetsTheCount() {
			String username = newUsername();
			long userId = register(username);
			String attempts = namespace.key("passport:login:attempts:u" + userId);
			for (int i = 0; i < 4; i++) {
				assertThat(login(username, "wrong-password").errCode()).isEqualTo(20001);
			}
			assertThat(redis.<String, String>opsForHash().get(attempts, "failed")).isEqualTo("4");
			assertThat(login(username, PASSWORD).errCode()).isZero();
			assertThat(redis.hasKey(attempts)).as("nothing left counted or reserved").isFalse();
			for (int i = 0; i < 4; i++) {
				assertThat(login(username, "wrong-password").errCode()).isEqualTo(20001);
			}
			assertThat(login(username, PASSWORD).errCode()).isZero();
		}

		@Test
		void anUnknownAccountLocksLikeAKnownOne() {
			String nobody = newUsername();
			for (int i = 0; i < 5; i++) {
				assertThat(login(nobody, PASSWORD).errCode()).isEqualTo(20001);
			}
			assertThat(login(nobody, PASSWORD).errCode()).isEqualTo(1005);
		}

	}

	private static Map<Integer, Integer> codes(List<Answer> answers) {
		Map<Integer, Integer> codes = new TreeMap<>();
		answers.forEach((answer) -> codes.merge(answer.errCode(), 1, Integer::sum));
		return codes;
	}

}
