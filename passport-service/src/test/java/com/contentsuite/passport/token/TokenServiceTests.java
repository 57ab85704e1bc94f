package com.contentsuite.passport.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.contentsuite.common.web.ApiException;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TokenServiceTests {

	private static final SigningKeys KEYS = SigningKeys.from(TokenFixtures.properties());

	private static final SigningKeys OTHER_KEYS = SigningKeys.from(TokenFixtures.properties());

	private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

	private final TokenService tokens = serviceAt(NOW);

	private static TokenService serviceAt(Instant instant) {
		return new TokenService(KEYS, TokenFixtures.properties(), Clock.fixed(instant, ZoneOffset.UTC));
	}

	private static Map<String, Object> header(String alg, String kid) {
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("alg", alg);
		header.put("kid", kid);
		return header;
	}

	private static Map<String, Object> claims(String type) {
		return Map.of("sub", "7", "jti", "j-1", "sid", "s-1", "token_type", type, "iss", "content-suite", "iat",
				NOW.getEpochSecond(), "exp", NOW.plusSeconds(600).getEpochSecond());
	}

	private static int codeOf(Executable call) {
		ApiException ex = catchThrowableOfType(ApiException.class, () -> call.execute());
		assertThat(ex).as("expected a token error").isNotNull();
		assertThat(ex.httpStatus()).isEqualTo(401);
		return ex.code().code();
	}

	@Test
	void anIssuedPairVerifiesWithItsClaims() {
		TokenPair pair = this.tokens.issuePair(7, "s-1", "refresh-jti", NOW);
		VerifiedToken access = this.tokens.verify(pair.accessToken(), TokenType.ACCESS);
		assertThat(access.userId()).isEqualTo(7);
		assertThat(access.sid()).isEqualTo("s-1");
		assertThat(access.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
		VerifiedToken refresh = this.tokens.verify(pair.refreshToken(), TokenType.REFRESH);
		assertThat(refresh.jti()).isEqualTo("refresh-jti");
		assertThat(refresh.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(14)));
		assertThat(access.jti()).isNotEqualTo(refresh.jti());
		assertThat(pair.expiresIn()).isEqualTo(1800);
		assertThat(pair.refreshExpiresIn()).isEqualTo(14 * 24 * 3600);
	}

	@Test
	void anExpiredTokenIs1501() {
		String access = this.tokens.sign(TokenType.ACCESS, 7, "s-1", "j-1", NOW);
		assertThat(serviceAt(NOW.plus(Duration.ofMinutes(29))).verify(access, TokenType.ACCESS).userId()).isEqualTo(7);
		assertThat(codeOf(() -> serviceAt(NOW.plus(Duration.ofMinutes(31))).verify(access, TokenType.ACCESS)))
			.isEqualTo(1501);
	}

	@Test
	void aTokenSignedWithAnotherKeyUnderOurKidIs1502() {
		String forged = TokenFixtures.rs256(header("RS256", KEYS.activeKid()), claims("access"),
				OTHER_KEYS.privateKey());
		assertThat(codeOf(() -> this.tokens.verify(forged, TokenType.ACCESS))).isEqualTo(1502);
	}

	@Test
	void anUnknownOrMissingKidIs1502() {
		String unknown = TokenFixtures.rs256(header("RS256", "someone-elses-key"), claims("access"), KEYS.privateKey());
		assertThat(codeOf(() -> this.tokens.verify(unknown, TokenType.ACCESS))).isEqualTo(1502);
		String missing = TokenFixtures.rs256(Map.of("alg", "RS256"), claims("access"), KEYS.privateKey());
		assertThat(codeOf(() -> this.tokens.verify(missing, TokenType.ACCESS))).isEqualTo(1502);
	}

	@Test
	void algNoneIs1502() {
		String none = TokenFixtures.unsigned(header("none", KEYS.activeKid()), claims("access"));
		assertThat(codeOf(() -> this.tokens.verify(none, TokenType.ACCESS))).isEqualTo(1502);
	}

	@Test
	void hs256WithThePublicKeyAsSecretIs1502() {
		byte[] der = KEYS.publicKey(KEYS.activeKid()).getEncoded();
		String withDer = TokenFixtures.hs256(header("HS256", KEYS.activeKid()), claims("access"), der);
		assertThat(codeOf(() -> this.tokens.verify(withDer, TokenType.ACCESS))).isEqualTo(1502);
		byte[] pem = TokenFixtures.pem("PUBLIC KEY", der).getBytes();
		String withPem = TokenFixtures.hs256(header("HS256", KEYS.activeKid()), claims("access"), pem);
		assertThat(codeOf(() -> this.tokens.verify(withPem, TokenType.ACCESS))).isEqualTo(1502);
	}

	@Test
	void anotherRsaAlgorithmWithOurKeyIs1502() {
		String rs512 = Jwts.builder()
			.header()
			.keyId(KEYS.activeKid())
			.and()
			.claims(claims("access"))
			.signWith(KEYS.privateKey(), Jwts.SIG.RS512)
			.compact();
		assertThat(codeOf(() -> this.tokens.verify(rs512, TokenType.ACCESS))).isEqualTo(1502);
	}

	@Test
	void aRefreshTokenIsNoAccessTokenAndTheReverse() {
		TokenPair pair = this.tokens.issuePair(7, "s-1", "r-1", NOW);
		assertThat(codeOf(() -> this.tokens.verify(pair.refreshToken(), TokenType.ACCESS))).isEqualTo(1502);
		assertThat(codeOf(() -> this.tokens.verify(pair.accessToken(), TokenType.REFRESH))).isEqualTo(1502);
	}

	@Test
	void anotherIssuerIs1502() {
		Map<String, Object> claims = new LinkedHashMap<>(claims("access"));
		claims.put("iss", "elsewhere");
		String token = TokenFixtures.rs256(header("RS256", KEYS.activeKid()), claims, KEYS.privateKey());
		assertThat(codeOf(() -> this.tokens.verify(token, TokenType.ACCESS))).isEqualTo(1502);
	}

	@Test
	void aSubjectThatIsNoIdSpelledOneWayIs1502() {
		for (String subject : new String[] { "alice", "0", "-7", "+7", "07", "9223372036854775808" }) {
			Map<String, Object> claims = new LinkedHashMap<>(claims("access"));
			claims.put("sub", subject);
			String token = TokenFixtures.rs256(header("RS256", KEYS.activeKid()), claims, KEYS.privateKey());
			assertThat(codeOf(() -> this.tokens.verify(token, TokenType.ACCESS))).as(subject).isEqualTo(1502);
		}
		Map<String, Object> largest = new LinkedHashMap<>(claims("access"));
		largest.put("sub", "9223372036854775807");
		String token = TokenFixtures.rs256(header("RS256", KEYS.activeKid()), largest, KEYS.privateKey());
		assertThat(this.tokens.verify(token, TokenType.ACCESS).userId()).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void jkuAndJwkHeadersPointingElsewhereAreNeverFollowed() {
		Map<String, Object> attackerJwk = firstJwk(OTHER_KEYS);
		for (String kid : new String[] { OTHER_KEYS.activeKid(), KEYS.activeKid() }) {
			Map<String, Object> header = header("RS256", kid);
			header.put("jku", "https://attacker.example/jwks.json");
			header.put("jwk", attackerJwk);
			header.put("x5u", "https://attacker.example/cert.pem");
			String token = TokenFixtures.rs256(header, claims("access"), OTHER_KEYS.privateKey());
			assertThat(codeOf(() -> this.tokens.verify(token, TokenType.ACCESS))).as(kid).isEqualTo(1502);
		}
	}

	@Test
	void whatIsNoJwtAtAllIs1503() {
		for (String garbage : new String[] { "not-a-jwt", "a.b", "", "bm90IGpzb24.bm90IGpzb24.c2ln", "a.b.c.d.e" }) {
			assertThat(codeOf(() -> this.tokens.verify(garbage, TokenType.ACCESS))).as(garbage).isEqualTo(1503);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> firstJwk(SigningKeys keys) {
		return ((List<Map<String, Object>>) keys.jwkSet().get("keys")).get(0);
	}

}
