package com.contentsuite.gateway.auth;

import java.security.Key;
import java.time.Duration;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.Ids;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Header;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.Locator;
import io.jsonwebtoken.UnsupportedJwtException;
import reactor.core.publisher.Mono;

/**
 * Verifies an access token: RS256 only, with a key from passport's JWK Set named by the
 * token's {@code kid} (a token's own {@code jku}, {@code jwk} or {@code x5u} is never
 * read), the suite's issuer, an unexpired {@code exp} and {@code token_type} access. An
 * unknown {@code kid} triggers one (throttled) refetch, since passport may have rotated
 * its key.
 */
final class AccessTokenVerifier {

	static final String ALGORITHM = "RS256";

	static final String TOKEN_TYPE_CLAIM = "token_type";

	static final String SESSION_CLAIM = "sid";

	private final JwksKeyCache keys;

	private final JwtParser parser;

	private final VerifiedTokenCache verified;

	AccessTokenVerifier(JwksKeyCache keys, VerifiedTokenCache verified, String issuer, Duration clockSkew) {
		this.keys = keys;
		this.verified = verified;
		// Built once: a parser is immutable and thread-safe, and building one is not
		// free.
		this.parser = Jwts.parser()
			.keyLocator(new KeyLocator())
			.requireIssuer(issuer)
			.clockSkewSeconds(clockSkew.toSeconds())
			.build();
	}

	/** The token's user, or an {@link ApiException} with the token error or a 503. */
	Mono<VerifiedUser> verify(String token) {
		return Mono.defer(() -> {
			if (this.keys.isStale()) {
				// Old keys keep working while new ones are fetched in the background.
				this.keys.refresh().onErrorResume((ex) -> Mono.empty()).subscribe();
			}
			VerifiedUser known = this.verified.get(token, this.keys.version());
			if (known != null) {
				return Mono.just(known);
			}
			try {
				return Mono.just(parse(token));
			}
			catch (UnknownKeyIdException ex) {
				return this.keys.refresh().then(Mono.fromCallable(() -> parseAfterRefresh(token)));
			}
		});
	}

	private VerifiedUser parseAfterRefresh(String token) {
		try {
			return parse(token);
		}
		catch (UnknownKeyIdException ex) {
			throw TokenErrors.invalid();
		}
	}

	private VerifiedUser parse(String token) {
		long keySetVersion = this.keys.version();
		Claims claims;
		try {
			claims = this.parser.parseSignedClaims(token).getPayload();
		}
		catch (UnknownKeyIdException ex) {
			throw ex;
		}
		catch (JwtException | IllegalArgumentException ex) {
			throw TokenErrors.of(ex);
		}
		VerifiedUser user = toUser(claims);
		this.verified.put(token, user, claims.getExpiration().getTime(), keySetVersion);
		return user;
	}

	private static VerifiedUser toUser(Claims claims) {
		if (!"access".equals(claims.get(TOKEN_TYPE_CLAIM))) {
			throw TokenErrors.invalid();
		}
		String userId = claims.getSubject();
		String sessionId = claims.get(SESSION_CLAIM, String.class);
		// A token without exp would never expire: passport always sets one. The
		// subject is forwarded as it is (X-User-ID): one user, one spelling.
		if (claims.getExpiration() == null || Ids.tryParseCanonical(userId) == null || sessionId == null
				|| sessionId.isBlank()) {
			throw TokenErrors.invalid();
		}
		return new VerifiedUser(userId, sessionId);
	}

	/** Answers only RS256 signatures, only with keys from the fetched set. */
	private final class KeyLocator implements Locator<Key> {

		@Override
		public Key locate(Header header) {
			if (!(header instanceof JwsHeader jws) || !ALGORITHM.equals(jws.getAlgorithm())) {
				throw new UnsupportedJwtException("algorithm not allowed");
			}
			String kid = jws.getKeyId();
			if (kid == null) {
				throw new UnsupportedJwtException("token names no key");
			}
			Key key = AccessTokenVerifier.this.keys.get(kid);
			if (key == null) {
				throw new UnknownKeyIdException();
			}
			return key;
		}

	}

	/** Not (yet) among the keys held: worth one refetch. */
	static final class UnknownKeyIdException extends JwtException {

		UnknownKeyIdException() {
			super("unknown key id");
		}

	}

}
