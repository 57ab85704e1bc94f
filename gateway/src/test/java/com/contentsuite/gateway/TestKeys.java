package com.contentsuite.gateway;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.contentsuite.common.internal.InternalAuth;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;

/**
 * Passport's side of tokens for the tests: RSA keys, the JWK Set it publishes, and tokens
 * shaped as docs/design.md says (RS256, {@code kid}, {@code sub}, {@code sid},
 * {@code token_type}, {@code iss}).
 */
final class TestKeys {

	/** The suite secret the test contexts and the stubs share. */
	static final String SECRET = "test-internal-secret-0123456789abcdef-0123456789";

	static final InternalAuth STUB_AUTH = new InternalAuth(SECRET, 60_000, "passport-service", Clock.systemUTC());

	static final KeyPair K1 = Jwts.SIG.RS256.keyPair().build();

	static final KeyPair K2 = Jwts.SIG.RS256.keyPair().build();

	static final KeyPair STRANGER = Jwts.SIG.RS256.keyPair().build();

	private static final List<Published> published = new CopyOnWriteArrayList<>(List.of(new Published("k1", K1)));

	private TestKeys() {
	}

	/** Passport starts signing with a new key, still publishing the old one. */
	static void rotateTo(String kid, KeyPair pair) {
		published.add(0, new Published(kid, pair));
	}

	static String jwks() {
		return published.stream().map(TestKeys::jwk).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
	}

	private static String jwk(Published key) {
		RSAPublicKey rsa = (RSAPublicKey) key.pair().getPublic();
		return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + key.kid() + "\",\"n\":\""
				+ base64Url(rsa.getModulus()) + "\",\"e\":\"" + base64Url(rsa.getPublicExponent()) + "\"}";
	}

	private static String base64Url(BigInteger value) {
		byte[] bytes = value.toByteArray();
		if (bytes.length > 1 && bytes[0] == 0) {
			bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** A valid access token of {@code userId} in session {@code sid}, signed with k1. */
	static String access(String userId, String sid) {
		return token(userId, sid).compact();
	}

	/**
	 * A builder for an access token, k1-signed, for tests to bend one claim at a time.
	 */
	static JwtBuilder token(String userId, String sid) {
		Instant now = Instant.now();
		return Jwts.builder()
			.header()
			.keyId("k1")
			.and()
			.subject(userId)
			.claim("sid", sid)
			.claim("token_type", "access")
			.issuer("content-suite")
			.id("jti-" + System.nanoTime())
			.issuedAt(Date.from(now))
			.expiration(Date.from(now.plus(30, ChronoUnit.MINUTES)))
			.signWith(K1.getPrivate(), Jwts.SIG.RS256);
	}

	private record Published(String kid, KeyPair pair) {
	}

}
