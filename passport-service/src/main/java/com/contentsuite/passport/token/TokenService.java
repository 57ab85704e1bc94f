package com.contentsuite.passport.token;

import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.common.web.Ids;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.MalformedJwtException;
import io.jsonwebtoken.security.InvalidKeyException;

import org.springframework.stereotype.Service;

/**
 * Signs and verifies RS256 tokens. The verifier accepts RS256 only, with a key of ours
 * named by {@code kid}, the configured issuer, and the token type the caller expects.
 */
@Service
public class TokenService {

	static final String TYPE_CLAIM = "token_type";

	static final String SESSION_CLAIM = "sid";

	private final SigningKeys keys;

	private final TokenProperties properties;

	private final Clock clock;

	private final JwtParser parser;

	TokenService(SigningKeys keys, TokenProperties properties, Clock clock) {
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
		this.parser = Jwts.parser().keyLocator(new LocatorAdapter<Key>() {
			@Override
			protected Key locate(JwsHeader header) {
				Key key = keys.publicKey(header.getKeyId());
				if (key == null) {
					throw new InvalidKeyException("unknown kid");
				}
				return key;
			}
		})
			.sig()
			.clear()
			.add(Jwts.SIG.RS256)
			.and()
			.zip()
			.clear()
			.and()
			.requireIssuer(properties.issuer())
			.clock(() -> Date.from(clock.instant()))
			.build();
	}

	/**
	 * The access and refresh token of session {@code sid}; the refresh token's jti is the
	 * one the session row holds.
	 */
	public TokenPair issuePair(long userId, String sid, String refreshJti, Instant now) {
		String access = sign(TokenType.ACCESS, userId, sid, newId(), now);
		String refresh = sign(TokenType.REFRESH, userId, sid, refreshJti, now);
		return new TokenPair(Long.toString(userId), access, refresh, "Bearer", this.properties.accessTtl().toSeconds(),
				this.properties.refreshTtl().toSeconds());
	}

	String sign(TokenType type, long userId, String sid, String jti, Instant now) {
		Duration lifetime = (type == TokenType.ACCESS) ? this.properties.accessTtl() : this.properties.refreshTtl();
		return Jwts.builder()
			.header()
			.keyId(this.keys.activeKid())
			.type("JWT")
			.and()
			.issuer(this.properties.issuer())
			.subject(Long.toString(userId))
			.id(jti)
			.claim(SESSION_CLAIM, sid)
			.claim(TYPE_CLAIM, type.claim())
			.issuedAt(Date.from(now))
			.expiration(Date.from(now.plus(lifetime)))
			.signWith(this.keys.privateKey(), Jwts.SIG.RS256)
			.compact();
	}

	/**
	 * Verifies {@code token} as a token of type {@code expected}, or answers 1501-1503.
	 */
	public VerifiedToken verify(String token, TokenType expected) {
		if (token == null || token.isBlank()) {
			throw malformed();
		}
		Claims claims;
		try {
			claims = this.parser.parseSignedClaims(token).getPayload();
		}
		catch (ExpiredJwtException ex) {
			throw new ApiException(ErrorCode.TOKEN_EXPIRED, "token has expired");
		}
		catch (MalformedJwtException ex) {
			throw malformed();
		}
		catch (JwtException | IllegalArgumentException ex) {
			throw invalid("token is invalid");
		}
		if (!expected.claim().equals(claims.get(TYPE_CLAIM))) {
			throw invalid("token type is wrong");
		}
		Object sid = claims.get(SESSION_CLAIM);
		if (!(sid instanceof String session) || session.isBlank() || claims.getId() == null
				|| claims.getSubject() == null || claims.getExpiration() == null) {
			throw invalid("token claims are incomplete");
		}
		// The rule the gateway applies to the same subject.
		Long userId = Ids.tryParseCanonical(claims.getSubject());
		if (userId == null) {
			throw invalid("token subject is invalid");
		}
		return new VerifiedToken(userId, session, claims.getId(), expected, claims.getExpiration().toInstant());
	}

	/** How long an access token stays valid after it was issued. */
	public Duration accessTtl() {
		return this.properties.accessTtl();
	}

	public Duration refreshTtl() {
		return this.properties.refreshTtl();
	}

	/** A fresh random identifier for a session or a token. */
	public static String newId() {
		return UUID.randomUUID().toString();
	}

	private static ApiException invalid(String detail) {
		return new ApiException(ErrorCode.TOKEN_INVALID, detail);
	}

	private static ApiException malformed() {
		return new ApiException(ErrorCode.TOKEN_MALFORMED, "token is not a JWT");
	}

}
