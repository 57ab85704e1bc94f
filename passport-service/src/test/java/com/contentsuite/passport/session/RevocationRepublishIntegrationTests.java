package com.contentsuite.passport.session;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.contentsuite.passport.Eventually;
import com.contentsuite.passport.PassportClient.Answer;
import com.contentsuite.passport.PassportIntegrationTest;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;

/**
 * Revocations that did not reach Redis, or that Redis lost, come back within a few check
 * intervals (short here).
 */
@TestPropertySource(properties = "passport.session.republish-check-interval=200ms")
class RevocationRepublishIntegrationTests extends PassportIntegrationTest {

	private static final Duration A_FEW_INTERVALS = Duration.ofSeconds(3);

	@MockitoSpyBean
	private RevocationStore store;

	@Autowired
	private RevocationRepublisher republisher;

	private Tokens newLogin() {
		String username = newUsername();
		register(username);
		return loginOk(username, PASSWORD);
	}

	private Answer logout(Tokens tokens) {
		return this.client.send("POST", "/passport/logout", null, tokens.userId(), Map.of("token", tokens.access()));
	}

	private String revokedKey(String sid) {
		return this.namespace.key("passport:revoked:sid:" + sid);
	}

	private String markerKey() {
		return this.namespace.key("passport:revoked:published");
	}

	private void awaitRevokedInRedis(String sid) {
		Eventually.await("session " + sid + " revoked in Redis", A_FEW_INTERVALS, () -> revokedInRedis(sid));
	}

	@Test
	void theMarkerIsSetOnceStartUpHasRepublished() {
		assertThat(this.redis.hasKey(markerKey())).isTrue();
		assertThat(this.redis.getExpire(markerKey())).as("the marker never expires").isEqualTo(-1L);
	}

	@Test
	void aRevocationLostFromRedisWhileTheMarkerStaysComesBack() {
		Tokens login = newLogin();
		assertThat(logout(login).errCode()).isZero();
		assertThat(revokedInRedis(login.sid())).isTrue();

		this.redis.delete(revokedKey(login.sid()));

		awaitRevokedInRedis(login.sid());
		assertThat(this.redis.getExpire(revokedKey(login.sid()))).isBetween(14L * 24 * 3600 - 60, 14L * 24 * 3600);
		assertThat(this.redis.opsForValue().get(revokedKey(login.sid()))).isEqualTo("logout");
	}

	@Test
	void aRevocationWhoseRedisWriteFailsAnswers503StaysRevokedInTheDatabaseAndReachesRedisSoon() {
		String username = newUsername();
		register(username);
		Tokens phone = loginOk(username, PASSWORD);
		Tokens laptop = loginOk(username, PASSWORD);
		doThrow(new RedisSystemException("READONLY You can't write against a read only replica.", null))
			.when(this.store)
			.publish(anyString(), anyString(), any());

		Answer answer = this.client.put("/passport/password",
				Map.of("oldPassword", PASSWORD, "newPassword", "amber-violin-meadow-77"), phone.userId());

		assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
		assertThat(answer.errCode()).isEqualTo(1006);
		assertThat(answer.body().get("errMsg").asString()).isEqualTo("ServiceUnavailableError");
		assertThat(answer.errDlt()).doesNotContain("READONLY").doesNotContain("Redis");
		assertThat(answer.body().has("data")).isFalse();
		for (Tokens tokens : List.of(phone, laptop)) {
			assertThat(revokedAt(tokens.sid())).isNotNull();
			assertThat(revokedInRedis(tokens.sid())).isFalse();
			assertThat(refresh(tokens.refresh()).errCode()).as("never a new token pair").isNotZero();
		}
		assertThat(login(username, "amber-violin-meadow-77").errCode()).as("the password did change").isZero();

		Mockito.reset(this.store);

		for (Tokens tokens : List.of(phone, laptop)) {
			awaitRevokedInRedis(tokens.sid());
			assertThat(refresh(tokens.refresh()).errCode()).isEqualTo(1506);
		}
	}

	@Test
	void afterRedisLostEverythingTheMarkerAndEveryRevocationComeBack() {
		Tokens recent = newLogin();
		Tokens old = newLogin();
		Tokens live = newLogin();
		assertThat(logout(recent).errCode()).isZero();
		assertThat(logout(old).errCode()).isZero();
		revokedLongAgo(old.sid());

		Set<String> keys = this.redis.keys(this.namespace.key("*"));
		assertThat(keys).contains(markerKey(), revokedKey(recent.sid()), revokedKey(old.sid()));
		this.redis.delete(keys);

		Eventually.await("the marker", A_FEW_INTERVALS, () -> Boolean.TRUE.equals(this.redis.hasKey(markerKey())));
		assertThat(revokedInRedis(recent.sid())).isTrue();
		assertThat(revokedInRedis(old.sid())).as("the full republish copies older revocations too").isTrue();
		assertThat(revokedInRedis(live.sid())).isFalse();
	}

	@Test
	void theRegularCheckCopiesOnlyRevocationsWhoseAccessTokensMayStillBeAlive() {
		Tokens recent = newLogin();
		Tokens old = newLogin();
		assertThat(logout(recent).errCode()).isZero();
		assertThat(logout(old).errCode()).isZero();
		revokedLongAgo(old.sid());
		// A scheduled check that read the sessions before they were backdated may still
		// be writing;
		// let it finish (the interval is 200 ms here) before the keys are cleared.
		pause(Duration.ofMillis(700));
		this.redis.delete(List.of(revokedKey(recent.sid()), revokedKey(old.sid())));

		assertThat(this.republisher.republishRecent()).isPositive();

		assertThat(revokedInRedis(recent.sid())).isTrue();
		assertThat(revokedInRedis(old.sid())).as("its access tokens have all expired").isFalse();
		assertThat(this.redis.hasKey(markerKey())).isTrue();
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	// Revoked before the last access-token lifetime (30 min) began; the session itself
	// (14 days) is still unexpired.
	private void revokedLongAgo(String sid) {
		this.jdbc.update("UPDATE login_session SET revoked_at = revoked_at - INTERVAL 2 HOUR WHERE sid = ?", sid);
	}

}
