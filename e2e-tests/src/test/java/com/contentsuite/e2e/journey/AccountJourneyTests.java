package com.contentsuite.e2e.journey;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import com.contentsuite.e2e.journey.Client.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The register -> login -> act -> logout journeys through the gateway against the
 * packaged jars, plus the attacks a client could try: forged identity headers and direct
 * calls to a service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(RunningSuite.Resolver.class)
class AccountJourneyTests {

	private static RunningSuite running;

	private static Suite suite;

	private static Captchas captchas;

	private static Client client;

	@BeforeAll
	static void useSuite(RunningSuite shared) {
		running = shared;
		suite = shared.suite;
		captchas = shared.captchas;
		client = shared.client;
	}

	@Test
	@Order(1)
	void registerLoginRefreshReuseAndLogout() throws Exception {
		String username = RunningSuite.newUsername();
		String userId = running.register(username);

		Answer login = running.login(username);
		String access = login.text("accessToken");
		String refresh = login.text("refreshToken");
		assertThat(login.text("userID")).isEqualTo(userId);
		assertThat(login.text("tokenType")).isEqualTo("Bearer");

		Answer me = running.awaitProfile(access);
		assertThat(me.text("userID")).isEqualTo(userId);
		assertThat(me.text("username")).isEqualTo(username);
		assertThat(me.text("nickname")).isEqualTo(username);

		Answer refreshed = client.post("/passport/refresh", Map.of("refreshToken", refresh), null);
		assertThat(refreshed.errCode()).isZero();
		String newAccess = refreshed.text("accessToken");
		assertThat(refreshed.text("refreshToken")).isNotEqualTo(refresh);
		assertThat(client.get("/users/me", newAccess, Map.of()).errCode()).isZero();

		Answer reuse = client.post("/passport/refresh", Map.of("refreshToken", refresh), null);
		assertThat(reuse.status()).isEqualTo(401);
		assertThat(reuse.errCode()).isEqualTo(1506);
		Answer afterReuse = client.get("/users/me", newAccess, Map.of());
		assertThat(afterReuse.errCode()).as("the whole family is revoked").isEqualTo(1506);
		assertThat(client.post("/passport/refresh", Map.of("refreshToken", refreshed.text("refreshToken")), null)
			.errCode()).isEqualTo(1506);

		String second = running.login(username).text("accessToken");
		assertThat(client.get("/users/me", second, Map.of()).errCode()).isZero();
		Answer logout = client.post("/passport/logout", Map.of(), second);
		assertThat(logout.errCode()).isZero();
		Answer revoked = client.get("/users/me", second, Map.of());
		assertThat(revoked.status()).isEqualTo(401);
		assertThat(revoked.errCode()).isEqualTo(1506);
	}

	@Test
	@Order(2)
	void forgedIdentityHeadersAreIgnored() throws Exception {
		String victim = running.register(RunningSuite.newUsername());
		String attackerName = RunningSuite.newUsername();
		String attacker = running.register(attackerName);
		String token = running.login(attackerName).text("accessToken");
		running.awaitProfile(token);

		Answer anonymous = client.get("/users/me", null, Map.of("X-User-ID", victim, "userID", victim));
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.body().get("errDlt").asString()).isEqualTo("token is empty");

		Answer forged = client.get("/users/me", token, Map.of("X-User-ID", victim, "x-user-id", victim, "userID",
				victim, "X-Internal-Auth", "v1:gateway:1:x"));
		assertThat(forged.errCode()).isZero();
		assertThat(forged.text("userID")).isEqualTo(attacker);
	}

	@Test
	@Order(3)
	void aServicePortReachedDirectlyLetsNoOneIn() throws Exception {
		Client direct = new Client(suite.url("user-service"));
		Answer answer = direct.get("/users/me", null, Map.of("X-User-ID", "1"));
		assertThat(answer.status()).isEqualTo(403);
		assertThat(answer.errCode()).isEqualTo(1002);
		Answer internal = direct.post("/internal/users/batch", Map.of("userIDs", new String[] { "1" }), null);
		assertThat(internal.errCode()).isEqualTo(1002);
	}

	@Test
	@Order(4)
	void everyAnswerEchoesTheOperationIdAndInternalRoutesAreNotRouted() throws Exception {
		Answer answer = client.get("/internal/users/batch", null, Map.of("operationID", "trace-me-123"));
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.errCode()).isEqualTo(1004);
		assertThat(answer.operationId()).isEqualTo("trace-me-123");
	}

	@Test
	@Order(5)
	void passwordChangeRevokesEverySessionAndUsernameChangeReachesTheProfile() throws Exception {
		String username = RunningSuite.newUsername();
		running.register(username);
		String phone = running.login(username).text("accessToken");
		String laptop = running.login(username).text("accessToken");
		running.awaitProfile(phone);

		Answer wrongOld = client.put("/passport/password",
				Map.of("oldPassword", "not-my-password-1", "newPassword", "another-calm-river-77"), phone);
		assertThat(wrongOld.errCode()).isEqualTo(20001);
		Answer changed = client.put("/passport/password",
				Map.of("oldPassword", RunningSuite.PASSWORD, "newPassword", "another-calm-river-77"), phone);
		assertThat(changed.errCode()).isZero();
		assertThat(client.get("/users/me", phone, Map.of()).errCode()).isEqualTo(1506);
		assertThat(client.get("/users/me", laptop, Map.of()).errCode()).isEqualTo(1506);
		assertThat(client.post("/passport/login", Map.of("account", username, "password", RunningSuite.PASSWORD), null)
			.errCode()).isEqualTo(20001);

		String fresh = client
			.post("/passport/login", Map.of("account", username, "password", "another-calm-river-77"), null)
			.text("accessToken");
		String renamed = RunningSuite.newUsername();
		Answer rename = client.put("/passport/username", Map.of("username", renamed), fresh);
		assertThat(rename.text("username")).isEqualTo(renamed);
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		String seen;
		do {
			seen = client.get("/users/me", fresh, Map.of()).text("username");
		}
		while (!renamed.equals(seen) && System.nanoTime() < deadline && sleep());
		assertThat(seen).as("user-service follows the rename").isEqualTo(renamed);
	}

	@Test
	@Order(6)
	void profileEditsShowInOwnAndPublicViews() throws Exception {
		String username = RunningSuite.newUsername();
		String userId = running.register(username);
		String token = running.login(username).text("accessToken");
		running.awaitProfile(token);

		Answer bad = client.put("/users/me", Map.of("sex", 3), token);
		assertThat(bad.errCode()).isEqualTo(1001);
		assertThat(bad.body().get("errDlt").asString()).startsWith("sex");
		Answer edited = client.put("/users/me",
				Map.of("nickname", "Alice", "signature", "hello", "sex", 2, "birthDate", "1990-05-17", "userID", "1"),
				token);
		assertThat(edited.errCode()).isZero();
		assertThat(edited.text("userID")).as("server-owned fields are ignored").isEqualTo(userId);
		assertThat(edited.text("nickname")).isEqualTo("Alice");
		assertThat(edited.text("birthDate")).isEqualTo("1990-05-17");
		assertThat(edited.text("createTime")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

		Answer anonymous = client.get("/users/" + userId, null, Map.of());
		assertThat(anonymous.text("nickname")).isEqualTo("Alice");
		assertThat(anonymous.data().has("mobile")).isFalse();
		assertThat(anonymous.data().has("followed")).isFalse();
		Answer signedIn = client.get("/users/" + userId, token, Map.of());
		assertThat(signedIn.data().get("followed").asBoolean()).isFalse();
		Answer badToken = client.get("/users/" + userId, "not-a-jwt", Map.of());
		assertThat(badToken.status()).as("a bad token is never silently anonymous").isEqualTo(401);
		assertThat(badToken.errCode()).isEqualTo(1503);
	}

	@Test
	@Order(7)
	void aCaptchaAnswerWorksOnceRightOrWrong() throws Exception {
		Captchas.Solved captcha = captchas.solve();
		Map<String, String> wrong = Map.of("username", RunningSuite.newUsername(), "password", RunningSuite.PASSWORD,
				"img_code_id", captcha.id(), "img_code", "zzzz-wrong");
		assertThat(client.post("/passport/register", wrong, null).errCode()).isEqualTo(20006);
		Map<String, String> right = Map.of("username", RunningSuite.newUsername(), "password", RunningSuite.PASSWORD,
				"img_code_id", captcha.id(), "img_code", captcha.answer());
		assertThat(client.post("/passport/register", right, null).errCode()).isEqualTo(20007);
		assertThat(captchas.get("passport:captcha:" + captcha.id())).isNull();
	}

	@Test
	@Order(8)
	void jwksIsAPlainKeySetAndTokensVerifyAgainstIt() throws Exception {
		Answer jwks = client.get("/passport/jwks", null, Map.of());
		assertThat(jwks.status()).isEqualTo(200);
		assertThat(jwks.body().has("errCode")).isFalse();
		assertThat(jwks.body().get("keys").get(0).get("kty").asString()).isEqualTo("RSA");
		assertThat(jwks.body().get("keys").get(0).has("d")).as("no private part").isFalse();
	}

	/**
	 * The account event keeps being retried while user-service is down; once its backoff
	 * has reached its cap (4 s; it was 60 s) the profile appears within a few seconds of
	 * user-service being up again.
	 */
	@Test
	@Order(10)
	void registerWhileUserServiceIsDownThenTheProfileAppearsSoonAfterItIsBack() throws Exception {
		suite.stop("user-service");
		String username = RunningSuite.newUsername();
		String userId = running.register(username);
		String token = running.login(username).text("accessToken");
		Answer down = client.get("/users/me", token, Map.of());
		assertThat(down.status()).isEqualTo(503);
		assertThat(down.errCode()).isEqualTo(1006);
		// Seven failed deliveries: 1+2+4+4+4+4 s of backoff here, 1+2+4+8+16+32 s before.
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> outboxAttempts(userId) >= 7);

		suite.start("user-service");
		suite.awaitHealthy("user-service");
		Answer me = running.awaitProfile(token, Duration.ofSeconds(8));
		assertThat(me.text("userID")).isEqualTo(userId);
		assertThat(me.text("username")).isEqualTo(username);
	}

	/**
	 * A client that retries a register with its Idempotency-Key gets its own account
	 * back.
	 */
	@Test
	@Order(11)
	void aRegisterRetriedWithItsIdempotencyKeyAnswersTheSameAccount() throws Exception {
		String username = RunningSuite.newUsername();
		Captchas.Solved captcha = captchas.solve();
		Map<String, Object> body = Map.of("username", username, "password", RunningSuite.PASSWORD, "img_code_id",
				captcha.id(), "img_code", captcha.answer());
		Map<String, String> key = Map.of("Idempotency-Key", "e2e-" + username);

		Answer first = client.send("POST", "/passport/register", body, null, key);
		Answer retry = client.send("POST", "/passport/register", body, null, key);
		Answer otherBody = client.send("POST", "/passport/register", Map.of("username", RunningSuite.newUsername(),
				"password", RunningSuite.PASSWORD, "img_code_id", captcha.id(), "img_code", captcha.answer()), null,
				key);

		assertThat(first.errCode()).as(first.body().toString()).isZero();
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.text("userID")).isEqualTo(first.text("userID"));
		assertThat(otherBody.status()).isEqualTo(409);
		assertThat(otherBody.errCode()).isEqualTo(1003);
		assertThat(running.login(username).text("userID")).isEqualTo(first.text("userID"));
	}

	private static int outboxAttempts(String userId) throws SQLException {
		try (Connection db = DriverManager.getConnection(suite.databaseUrl("passport"), Suite.mysqlUser(),
				Suite.mysqlPassword());
				PreparedStatement query = db
					.prepareStatement("SELECT attempts FROM account_outbox WHERE user_id = ?")) {
			query.setLong(1, Long.parseLong(userId));
			try (ResultSet row = query.executeQuery()) {
				return row.next() ? row.getInt(1) : 0;
			}
		}
	}

	private static boolean sleep() throws InterruptedException {
		Thread.sleep(250);
		return true;
	}

}
