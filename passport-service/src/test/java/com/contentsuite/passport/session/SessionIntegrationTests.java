package com.contentsuite.passport.session;

import java.util.List;
import java.util.Map;

import com.contentsuite.passport.Concurrently;
import com.contentsuite.passport.PassportClient.Answer;
import com.contentsuite.passport.PassportIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class SessionIntegrationTests extends PassportIntegrationTest {

	@Autowired
	private RevocationRepublisher republisher;

	private Tokens newLogin() {
		String username = newUsername();
		register(username);
		return loginOk(username, PASSWORD);
	}

	@Nested
	class Refresh {

		@Test
		void rotatesTheRefreshTokenWithinTheSameSession() {
			Tokens login = newLogin();
			Answer refreshed = refresh(login.refresh());
			assertThat(refreshed.errCode()).as(refreshed.toString()).isZero();
			assertThat(refreshed.text("userID")).isEqualTo(Long.toString(login.userId()));
			assertThat(refreshed.text("refreshToken")).isNotEqualTo(login.refresh());
			assertThat(claim(refreshed.text("refreshToken"), "sid")).isEqualTo(login.sid());
			assertThat(claim(refreshed.text("accessToken"), "sid")).isEqualTo(login.sid());
			assertThat(refresh(refreshed.text("refreshToken")).errCode()).isZero();
		}

		@Test
		void reusingARotatedTokenRevokesTheWholeSession() {
			Tokens login = newLogin();
			String next = refresh(login.refresh()).text("refreshToken");

			Answer reuse = refresh(login.refresh());
			assertThat(reuse.status()).isEqualTo(401);
			assertThat(reuse.errCode()).isEqualTo(1506);
			assertThat(revokedAt(login.sid())).isNotNull();
			assertThat(revokedInRedis(login.sid())).isTrue();
			assertThat(redis.getExpire(namespace.key("passport:revoked:sid:" + login.sid())))
				.isBetween(14L * 24 * 3600 - 60, 14L * 24 * 3600);
			assertThat(refresh(next).errCode()).as("the family dies with it").isEqualTo(1506);
		}

		@Test
		void ofTwoConcurrentRefreshesWithOneTokenExactlyOneSucceeds() {
			Tokens login = newLogin();
			List<Integer> codes = Concurrently.run(2, (i) -> refresh(login.refresh()))
				.stream()
				.map(Answer::errCode)
				.toList();
			assertThat(codes).containsExactlyInAnyOrder(0, 1506);
		}

		@Test
		void anAccessTokenIsNoRefreshToken() {
			Tokens login = newLogin();
			Answer answer = refresh(login.access());
			assertThat(answer.status()).isEqualTo(401);
			assertThat(answer.errCode()).isEqualTo(1502);
		}

		@Test
		void garbageIsMalformedAndNothingIsAnArgumentError() {
			assertThat(refresh("not-a-token").errCode()).isEqualTo(1503);
			assertThat(client.post("/passport/refresh", Map.of()).errCode()).isEqualTo(1001);
		}

	}

	@Nested
	class Logout {

		@Test
		void revokesTheSessionOfTheForwardedTokenAndOfTheGivenRefreshToken() {
			Tokens first = newLogin();
			Tokens second = loginOk(usernameOf(first), PASSWORD);
			Answer answer = client.send("POST", "/passport/logout", Map.of("refreshToken", second.refresh()),
					first.userId(), Map.of("token", first.access()));
			assertThat(answer.errCode()).as(answer.toString()).isZero();
			assertThat(answer.data().isEmpty()).isTrue();
			for (Tokens tokens : List.of(first, second)) {
				assertThat(revokedAt(tokens.sid())).isNotNull();
				assertThat(revokedInRedis(tokens.sid())).isTrue();
				assertThat(refresh(tokens.refresh()).errCode()).isEqualTo(1506);
			}
		}

		@Test
		void acceptsTheTokenAsABearerAuthorizationWithoutABody() {
			Tokens login = newLogin();
			Answer answer = client.send("POST", "/passport/logout", null, login.userId(),
					Map.of("Authorization", "Bearer " + login.access()));
			assertThat(answer.errCode()).as(answer.toString()).isZero();
			assertThat(revokedInRedis(login.sid())).isTrue();
		}

		@Test
		void leavesAnotherUsersRefreshTokenAlone() {
			Tokens mine = newLogin();
			Tokens theirs = newLogin();
			client.send("POST", "/passport/logout", Map.of("refreshToken", theirs.refresh()), mine.userId(),
					Map.of("token", mine.access()));
			assertThat(revokedInRedis(theirs.sid())).isFalse();
			assertThat(refresh(theirs.refresh()).errCode()).isZero();
		}

		@Test
		void withoutAVerifiedUserOrTokenTheTokenIsEmpty() {
			Tokens login = newLogin();
			Answer anonymous = client.send("POST", "/passport/logout", null, null, Map.of("token", login.access()));
			assertThat(anonymous.status()).isEqualTo(401);
			assertThat(anonymous.errDlt()).isEqualTo("token is empty");
			Answer noToken = client.send("POST", "/passport/logout", null, login.userId(), Map.of());
			assertThat(noToken.status()).isEqualTo(401);
			assertThat(noToken.errDlt()).isEqualTo("token is empty");
		}

		@Test
		void aTokenOfAnotherUserIsRefused() {
			Tokens mine = newLogin();
			Tokens theirs = newLogin();
			Answer answer = client.send("POST", "/passport/logout", null, mine.userId(),
					Map.of("token", theirs.access()));
			assertThat(answer.errCode()).isEqualTo(1502);
			assertThat(revokedInRedis(theirs.sid())).isFalse();
		}

	}

	@Nested
	class Republish {

		@Test
		void revokedUnexpiredSessionsReturnToRedisAfterItLostThem() {
			Tokens login = newLogin();
			Tokens live = loginOk(usernameOf(login), PASSWORD);
			client.send("POST", "/passport/logout", null, login.userId(), Map.of("token", login.access()));
			redis.delete(namespace.key("passport:revoked:sid:" + login.sid()));

			assertThat(republisher.republish()).isPositive();

			assertThat(revokedInRedis(login.sid())).isTrue();
			assertThat(redis.getExpire(namespace.key("passport:revoked:sid:" + login.sid()))).isPositive();
			assertThat(revokedInRedis(live.sid())).isFalse();
		}

	}

	private String usernameOf(Tokens tokens) {
		return jdbc.queryForObject("SELECT username FROM account WHERE id = ?", String.class, tokens.userId());
	}

}
