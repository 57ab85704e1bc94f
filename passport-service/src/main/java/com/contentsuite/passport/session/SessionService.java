package com.contentsuite.passport.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.passport.token.TokenPair;
import com.contentsuite.passport.token.TokenService;
import com.contentsuite.passport.token.TokenType;
import com.contentsuite.passport.token.VerifiedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Login sessions (token families): opened at login, rotated at each refresh, revoked by
 * logout, password change or the reuse of a rotated refresh token. A revocation goes to
 * the database first, then to Redis for the gateway; a Redis write that fails is repaired
 * by {@link RevocationRepublisher}.
 */
@Service
public class SessionService {

	private static final Logger log = LoggerFactory.getLogger(SessionService.class);

	private final LoginSessionRepository sessions;

	private final RevocationStore revocations;

	private final TokenService tokens;

	private final Clock clock;

	SessionService(LoginSessionRepository sessions, RevocationStore revocations, TokenService tokens, Clock clock) {
		this.sessions = sessions;
		this.revocations = revocations;
		this.tokens = tokens;
		this.clock = clock;
	}

	/** A new session for {@code userId} and its first token pair. */
	public TokenPair open(long userId) {
		Instant now = this.clock.instant();
		String sid = TokenService.newId();
		String refreshJti = TokenService.newId();
		this.sessions.save(new LoginSession(sid, userId, refreshJti, now, now.plus(this.tokens.refreshTtl())));
		return this.tokens.issuePair(userId, sid, refreshJti, now);
	}

	/**
	 * Exchanges the session's current refresh token for a new pair. Any other refresh
	 * token of the session means it was stolen or replayed: the whole session is revoked.
	 */
	TokenPair refresh(String refreshToken) {
		VerifiedToken token = this.tokens.verify(refreshToken, TokenType.REFRESH);
		Instant now = this.clock.instant();
		String next = TokenService.newId();
		int rotated = this.sessions.rotate(token.sid(), token.userId(), token.jti(), next,
				now.plus(this.tokens.refreshTtl()));
		if (rotated == 0) {
			revoke(List.of(token.sid()), "reuse");
			log.warn("Refresh token reuse or revoked session {} of user {}: session revoked", token.sid(),
					token.userId());
			throw new ApiException(ErrorCode.TOKEN_KICKED, "token has been revoked");
		}
		return this.tokens.issuePair(token.userId(), token.sid(), next, now);
	}

	/**
	 * Ends the session of the caller's access token and, when given, the session of a
	 * refresh token of the same user.
	 */
	void logout(long userId, String accessToken, String refreshToken) {
		VerifiedToken access = this.tokens.verify(accessToken, TokenType.ACCESS);
		if (access.userId() != userId) {
			throw new ApiException(ErrorCode.TOKEN_INVALID, "token does not belong to the caller");
		}
		revoke(List.of(access.sid()), "logout");
		if (refreshToken != null && !refreshToken.isBlank()) {
			VerifiedToken refresh = verifyQuietly(refreshToken);
			if (refresh != null && refresh.userId() == userId && !refresh.sid().equals(access.sid())) {
				revoke(List.of(refresh.sid()), "logout");
			}
		}
	}

	/** Ends every live session of {@code userId}, on every device. */
	public void revokeAll(long userId, String reason) {
		List<String> sids = this.sessions.findLiveSids(userId, this.clock.instant());
		if (!sids.isEmpty()) {
			revoke(sids, reason);
		}
	}

	// Published even when the row was already revoked, so a retry repairs a Redis write
	// that failed. The database is written first and stays revoked when Redis fails: the
	// request then answers 503 (1006), and RevocationRepublisher copies the revocation
	// to Redis within one check interval.
	private void revoke(List<String> sids, String reason) {
		this.sessions.revoke(sids, this.clock.instant(), reason);
		try {
			for (String sid : sids) {
				this.revocations.publish(sid, reason, this.tokens.refreshTtl());
			}
		}
		catch (DataAccessException ex) {
			log.warn("Revoked {} session(s) in the database but not yet in Redis ({}); the republisher will retry: {}",
					sids.size(), reason, ex.toString());
			throw ApiException.unavailable("revocation saved but not yet published everywhere; it will be shortly");
		}
	}

	// An invalid or expired refresh token at logout has nothing left to revoke.
	private VerifiedToken verifyQuietly(String refreshToken) {
		try {
			return this.tokens.verify(refreshToken, TokenType.REFRESH);
		}
		catch (ApiException ex) {
			return null;
		}
	}

}
