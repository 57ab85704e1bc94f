package com.contentsuite.gateway;

import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way a token can be wrong, each answered 401 with its own code. */
class TokenErrorTests extends GatewayTestBase {

	private JsonNode refused(String token) {
		byte[] body = client().get()
			.uri("/users/me")
			.header("operationID", OPERATION_ID)
			.header("token", token)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return json(body);
	}

	private void assertCode(String token, int code, String errMsg) {
		JsonNode envelope = refused(token);
		assertThat(envelope.path("errCode").asInt()).isEqualTo(code);
		assertThat(envelope.path("errMsg").asString()).isEqualTo(errMsg);
		assertThat(envelope.has("data")).isFalse();
	}

	private void assertInvalid(String token) {
		assertCode(token, 1502, "TokenInvalidError");
	}

	private static String encode(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static String claims() {
		long exp = Instant.now().plusSeconds(600).getEpochSecond();
		return "{\"sub\":\"7\",\"sid\":\"s-x\",\"token_type\":\"access\",\"iss\":\"content-suite\",\"exp\":" + exp
				+ "}";
	}

	@Test
	void anExpiredTokenIsTokenExpired() {
		Date past = Date.from(Instant.now().minus(Duration.ofHours(1)));
		assertCode(TestKeys.token("7", "s-exp").issuedAt(past).expiration(past).compact(), 1501, "TokenExpiredError");
	}

	@Test
	void somethingThatIsNotAJwtIsTokenMalformed() {
		assertCode("not-a-jwt", 1503, "TokenMalformedError");
		assertCode("a.b.c", 1503, "TokenMalformedError");
	}

	@Test
	void aRevokedSessionIsTokenKicked() {
		this.redis.opsForValue().set(this.namespace.key("passport:revoked:sid:s-revoked"), "1").block();

		assertCode(TestKeys.access("7", "s-revoked"), 1506, "TokenKickedError");
	}

	@Test
	void anotherSessionOfTheSameUserStillWorks() {
		this.redis.opsForValue().set(this.namespace.key("passport:revoked:sid:s-gone"), "1").block();

		client().get()
			.uri("/users/me")
			.header("operationID", OPERATION_ID)
			.header("token", TestKeys.access("7", "s-kept"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Nested
	class Invalid {

		@Test
		void aSignatureFromAnotherKeyIsInvalid() {
			assertInvalid(
					TestKeys.token("7", "s-x").signWith(TestKeys.STRANGER.getPrivate(), Jwts.SIG.RS256).compact());
		}

		@Test
		void algNoneIsInvalid() {
			assertInvalid(encode("{\"alg\":\"none\",\"kid\":\"k1\"}") + "." + encode(claims()) + ".");
		}

		@Test
		void hs256KeyedWithThePublicKeyIsInvalid() {
			SecretKey hmac = Keys.hmacShaKeyFor(TestKeys.K1.getPublic().getEncoded());
			assertInvalid(TestKeys.token("7", "s-x").signWith(hmac, Jwts.SIG.HS256).compact());
		}

		@Test
		void anotherRsaAlgorithmIsInvalid() {
			assertInvalid(TestKeys.token("7", "s-x").signWith(TestKeys.K1.getPrivate(), Jwts.SIG.RS512).compact());
		}

		@Test
		void aRefreshTokenUsedAsAccessTokenIsInvalid() {
			assertInvalid(TestKeys.token("7", "s-x").claim("token_type", "refresh").compact());
		}

		@Test
		void aTokenOfAnotherIssuerIsInvalid() {
			assertInvalid(TestKeys.token("7", "s-x").issuer("someone-else").compact());
		}

		@Test
		void aTokenThatNeverExpiresIsInvalid() {
			assertInvalid(TestKeys.token("7", "s-x").expiration(null).compact());
		}

		@Test
		void aTokenWithoutSessionOrNumericSubjectIsInvalid() {
			assertInvalid(TestKeys.token("7", null).compact());
			assertInvalid(TestKeys.token("alice", "s-x").compact());
			// One user, one spelling: the subject is forwarded as X-User-ID as it is.
			assertInvalid(TestKeys.token("07", "s-x").compact());
			assertInvalid(TestKeys.token("0", "s-x").compact());
			assertInvalid(TestKeys.token("-7", "s-x").compact());
			assertInvalid(TestKeys.token("9223372036854775808", "s-x").compact());
		}

		@Test
		void aKeyTheTokenPointsAtIsNeverFetched() {
			StubServer attacker = StubServer.start();
			attacker.route("/jwks", (exchange, request) -> StubServer.send(exchange, 200, TestKeys.jwks()));
			try {
				String token = TestKeys.token("7", "s-x")
					.header()
					.keyId("evil")
					.add("jku", attacker.uri() + "/jwks")
					.add("x5u", attacker.uri() + "/x5u")
					.and()
					.signWith(TestKeys.STRANGER.getPrivate(), Jwts.SIG.RS256)
					.compact();

				assertInvalid(token);
				assertThat(attacker.received()).isEmpty();
			}
			finally {
				attacker.stop();
			}
		}

	}

	@Nested
	class KeyRotation {

		@Test
		void anUnknownKidRefetchesTheKeySetAndSucceedsOncePassportPublishesTheKey() {
			String token = TestKeys.token("7", "s-rot")
				.header()
				.keyId("k2")
				.and()
				.signWith(TestKeys.K2.getPrivate(), Jwts.SIG.RS256)
				.compact();
			int fetchesBefore = TestBackends.PASSPORT.receivedUnder("/passport/jwks").size();

			assertInvalid(token);
			assertThat(TestBackends.PASSPORT.receivedUnder("/passport/jwks")).hasSize(fetchesBefore + 1);

			TestKeys.rotateTo("k2", TestKeys.K2);
			byte[] body = client().get()
				.uri("/users/me")
				.header("operationID", OPERATION_ID)
				.header("token", token)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.returnResult()
				.getResponseBody();

			assertThat(json(body).path("data").path("headers").path("x-user-id").get(0).asString()).isEqualTo("7");
			assertThat(TestBackends.PASSPORT.receivedUnder("/passport/jwks")).hasSize(fetchesBefore + 2);
		}

		@Test
		void theKeySetIsFetchedWithAValidSignature() {
			client().get()
				.uri("/users/me")
				.header("operationID", OPERATION_ID)
				.header("token", TestKeys.access("7", "s-sig"))
				.exchange()
				.expectStatus()
				.isOk();

			StubServer.Received fetch = TestBackends.PASSPORT.receivedUnder("/passport/jwks").get(0);
			assertThat(TestKeys.STUB_AUTH.verify(fetch.header("X-Internal-Auth"), "GET", "/passport/jwks", null,
					fetch.header("operationID")))
				.isEqualTo("gateway");
		}

	}

}
