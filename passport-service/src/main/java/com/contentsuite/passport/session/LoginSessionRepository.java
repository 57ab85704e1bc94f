package com.contentsuite.passport.session;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface LoginSessionRepository extends JpaRepository<LoginSession, String> {

	/**
	 * Exchanges the current refresh jti for the next one; 0 rows when {@code current} was
	 * already exchanged (reuse) or the session is revoked. One statement, so of two
	 * concurrent refreshes with one token exactly one updates a row.
	 */
	@Transactional
	@Modifying
	@Query("UPDATE LoginSession s SET s.currentRefreshJti = :next, s.expiresAt = :expiresAt WHERE s.sid = :sid"
			+ " AND s.userId = :userId AND s.currentRefreshJti = :current AND s.revokedAt IS NULL")
	int rotate(@Param("sid") String sid, @Param("userId") long userId, @Param("current") String current,
			@Param("next") String next, @Param("expiresAt") Instant expiresAt);

	@Transactional
	@Modifying
	@Query("UPDATE LoginSession s SET s.revokedAt = :now, s.revokeReason = :reason WHERE s.sid IN :sids"
			+ " AND s.revokedAt IS NULL")
	int revoke(@Param("sids") List<String> sids, @Param("now") Instant now, @Param("reason") String reason);

	@Query("SELECT s.sid FROM LoginSession s WHERE s.userId = :userId AND s.revokedAt IS NULL AND s.expiresAt > :now")
	List<String> findLiveSids(@Param("userId") long userId, @Param("now") Instant now);

	/** Revoked sessions whose tokens may still be alive, in pages by sid. */
	@Query("SELECT new com.contentsuite.passport.session.RevokedSession(s.sid, s.revokeReason, s.expiresAt)"
			+ " FROM LoginSession s WHERE s.revokedAt IS NOT NULL AND s.expiresAt > :now AND s.sid > :after"
			+ " ORDER BY s.sid")
	List<RevokedSession> findRevokedAlive(@Param("now") Instant now, @Param("after") String after, Limit limit);

	/**
	 * Sessions revoked after {@code since} whose tokens may still be alive, in pages by
	 * sid ({@code idx_login_session_revoked} serves the range).
	 */
	@Query("SELECT new com.contentsuite.passport.session.RevokedSession(s.sid, s.revokeReason, s.expiresAt)"
			+ " FROM LoginSession s WHERE s.revokedAt > :since AND s.expiresAt > :now AND s.sid > :after"
			+ " ORDER BY s.sid")
	List<RevokedSession> findRevokedSince(@Param("since") Instant since, @Param("now") Instant now,
			@Param("after") String after, Limit limit);

}
