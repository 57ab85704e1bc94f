package com.contentsuite.passport.session;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One login: the family of tokens it issued. Only the refresh token whose jti is current
 * may be exchanged; the family dies with {@code revokedAt}.
 */
@Entity
@Table(name = "login_session")
class LoginSession {

	@Id
	@Column(name = "sid", length = 36)
	private String sid;

	@Column(name = "user_id", nullable = false)
	private long userId;

	@Column(name = "current_refresh_jti", nullable = false, length = 36)
	private String currentRefreshJti;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	@Column(name = "revoke_reason", length = 16)
	private String revokeReason;

	protected LoginSession() {
	}

	LoginSession(String sid, long userId, String currentRefreshJti, Instant now, Instant expiresAt) {
		this.sid = sid;
		this.userId = userId;
		this.currentRefreshJti = currentRefreshJti;
		this.createdAt = now;
		this.expiresAt = expiresAt;
	}

}
