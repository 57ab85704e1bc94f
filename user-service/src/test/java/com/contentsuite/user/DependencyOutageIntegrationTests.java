package com.contentsuite.user;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.contentsuite.common.deadline.RequestDeadline;
import com.contentsuite.common.internal.InternalAuth;
import com.contentsuite.common.redis.RedisBreaker;
import com.contentsuite.testsupport.OutageInfrastructureInitializer;
import com.contentsuite.testsupport.SignedHeaders;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static com.contentsuite.testsupport.OutageInfrastructureInitializer.database;
import static com.contentsuite.testsupport.OutageInfrastructureInitializer.redis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis and the database taken away (closed, or hanging) while the service runs, through
 * proxies the test controls: every answer comes before a client that waits 3 s gives up
 * (the gateway waits 10 s), is {@code 503 1006} where the dependency is needed, leaves
 * nothing half-written, and the service recovers by itself when the dependency is back.
 */
@ContextConfiguration(initializers = OutageInfrastructureInitializer.class, inheritInitializers = false)
@TestPropertySource(properties = { "suite.redis.breaker.open-duration=500ms", "suite.deadline.statement-timeout=1s" })
class DependencyOutageIntegrationTests extends UserServiceIntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(3);

	@Autowired
	private RedisBreaker breaker;

	private Api quick;

	private long user;

	@BeforeEach
	void quickClientAndAUser() {
		this.quick = new Api(this.port, this.secret, PATIENCE);
		this.user = syncedUser();
	}

	@AfterEach
	void bringEverythingBack() {
		database().restore();
		redis().restore();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.api.get("/users/" + this.user, null).status()).isEqualTo(200));
	}

	// Profiles need Redis only for cached counts, and count from the rows without it
	// (RelationCounts): so Redis down must cost a profile read nothing but that cache.
	@Test
	void redisDownStillAnswersProfilesFromTheDatabaseAtOnce() {
		redis().cut();

		assertProfile(this.quick.get("/users/" + this.user, null));
		assertProfile(this.quick.get("/users/me", this.user));
	}

	@Test
	void redisHangingOpensTheCircuitAndProfilesStillAnswer() {
		redis().stall();

		// Each read waits for one timed-out command; the window of 10 then holds enough
		// failures to open.
		for (int i = 0; i < 20 && this.breaker.state() == CircuitBreaker.State.CLOSED; i++) {
			assertProfile(this.quick.get("/users/" + this.user, null));
		}
		assertThat(this.breaker.state())
			.as("failed %d, succeeded %d", this.breaker.circuitBreaker().getMetrics().getNumberOfFailedCalls(),
					this.breaker.circuitBreaker().getMetrics().getNumberOfSuccessfulCalls())
			.isIn(CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN);

		redis().restore();
		// Reads are what probe the half-open circuit.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertProfile(this.quick.get("/users/" + this.user, null));
			assertThat(this.breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
		});
	}

	@Test
	void databaseDownIsUnavailableNotAnInternalError() {
		database().cut();

		assertUnavailable(this.quick.get("/users/me", this.user));
		assertUnavailable(this.quick.put("/users/me", this.user, "{\"nickname\":\"while-down\"}"));

		database().restore();
		assertNicknameUnchangedOnceBack();
	}

	@Test
	void aHangingDatabaseFailsTheWriteBeforeTheDeadlineAndKeepsNothing() {
		database().stall();

		assertUnavailable(this.quick.put("/users/me", this.user, "{\"nickname\":\"while-stalled\"}"));

		database().restore();
		assertNicknameUnchangedOnceBack();
	}

	@Test
	void aSpentDeadlineStartsNothing() {
		Map<String, String> headers = new LinkedHashMap<>(SignedHeaders.asGateway(
				new InternalAuth(this.secret, 60_000, Api.GATEWAY, Clock.systemUTC()), "PUT", "/users/me", this.user));
		headers.put(RequestDeadline.HEADER, "0");

		assertUnavailable(this.quick.sendWithHeaders("PUT", "/users/me", headers, "{\"nickname\":\"too-late\"}"));
		assertThat(this.api.get("/users/me", this.user).data().get("nickname").asString())
			.isEqualTo("nick" + this.user);
	}

	private void assertNicknameUnchangedOnceBack() {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.quick.get("/users/me", this.user).status()).isEqualTo(200));
		assertThat(this.api.get("/users/me", this.user).data().get("nickname").asString())
			.isEqualTo("nick" + this.user);
	}

	private void assertProfile(Api.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.data().get("userID").asString()).isEqualTo(Long.toString(this.user));
		assertThat(reply.data().get("followerCount").asInt()).isZero();
	}

	private static void assertUnavailable(Api.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
		assertThat(reply.errCode()).isEqualTo(1006);
		assertThat(reply.header("operationID")).isNotBlank();
	}

}
