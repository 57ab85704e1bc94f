package com.contentsuite.e2e.journey;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.contentsuite.e2e.journey.Client.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The register -> login -> act -> logout journeys through the gateway against the
 * packaged jars, plus the attacks a client could try: forged identity headers and direct
 * calls to a service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountJourneyTests {

	private static final String PASSWORD = "quiet-harbor-lantern-42";

	private static Suite suite;

	private static Captchas captchas;

	private static Client client;

	@BeforeAll
	static void startSuite() throws Exception {
		suite = new Suite();
		try {
			suite.startAll();
		}
		catch (Exception ex) {
			suite.close();
			throw ex;
		}
		captchas = new Captchas(suite.gatewayUrl(), suite.namespace);
		client = new Client(suite.gatewayUrl());
	}

	@AfterAll
	static void stopSuite() throws Exception {
		if (captchas != null) {
			captchas.close();
		}
		if (suite != null) {
			suite.close();
		}
	}

	@Test
	@Order(1)
	void registerLoginRefreshReuseAndLogout() throws Exception {
		String username = newUsername();
		String userId = register(username);

		Answer login = login(username);
		String access = login.text("accessToken");
		String refresh = login.text("refreshToken");
		assertThat(login.text("userID")).isEqualTo(userId);
		assertThat(login.text("tokenType")).isEqualTo("Bearer");

		Answer me = awaitProfile(access);
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

		String second = login(username).text("accessToken");
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
		String victim = register(newUsername());
		String attackerName = newUsername();
		String attacker = register(attackerName);
		String token = login(attackerName).text("accessToken");
		awaitProfile(token);

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
	@Order(10)
	void registerWhileUserServiceIsDownThenTheProfileAppears() throws Exception {
		suite.stop("user-service");
		String username = newUsername();
		String userId = register(username);
		String token = login(username).text("accessToken");
		Answer down = client.get("/users/me", token, Map.of());
		assertThat(down.status()).isEqualTo(503);
		assertThat(down.errCode()).isEqualTo(1006);

		suite.start("user-service");
		suite.awaitHealthy("user-service");
		Answer me = awaitProfile(token, Duration.ofSeconds(120));
		assertThat(me.text("userID")).isEqualTo(userId);
		assertThat(me.text("username")).isEqualTo(username);
	}

	private static String register(String username) throws Exception {
		Captchas.Solved captcha = captchas.solve();
		Answer answer = client.post("/passport/register", Map.of("username", username, "password", PASSWORD,
				"img_code_id", captcha.id(), "img_code", captcha.answer().toUpperCase()), null);
		assertThat(answer.errCode()).as(answer.body().toString()).isZero();
		return answer.text("userID");
	}

	private static Answer login(String account) throws Exception {
		Answer answer = client.post("/passport/login", Map.of("account", account, "password", PASSWORD), null);
		assertThat(answer.errCode()).as(answer.body().toString()).isZero();
		return answer;
	}

	private static Answer awaitProfile(String token) throws Exception {
		return awaitProfile(token, Duration.ofSeconds(20));
	}

	/**
	 * The profile arrives through the outbox relay, so it may lag the registration a
	 * little.
	 */
	private static Answer awaitProfile(String token, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		Answer answer;
		do {
			answer = client.get("/users/me", token, Map.of());
			if (answer.errCode() == 0) {
				return answer;
			}
			Thread.sleep(250);
		}
		while (System.nanoTime() < deadline);
		throw new AssertionError("profile did not appear: " + answer.body());
	}

	private static String newUsername() {
		return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

}
