package com.contentsuite.passport.sync;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The state of one account at one change, waiting to be delivered to user-service. Its id
 * is the event's version.
 */
@Entity
@Table(name = "account_outbox")
class OutboxEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "user_id", nullable = false)
	private long userId;

	@Column(name = "username", length = 32)
	private String username;

	@Column(name = "mobile_masked", length = 16)
	private String mobileMasked;

	@Column(name = "nickname", nullable = false, length = 32)
	private String nickname;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "attempts", nullable = false)
	private int attempts;

	@Column(name = "next_attempt_at", nullable = false)
	private Instant nextAttemptAt;

	@Column(name = "delivered_at")
	private Instant deliveredAt;

	@Column(name = "last_error", length = 255)
	private String lastError;

	protected OutboxEvent() {
	}

	OutboxEvent(long userId, String username, String mobileMasked, String nickname, Instant now) {
		this.userId = userId;
		this.username = username;
		this.mobileMasked = mobileMasked;
		this.nickname = nickname;
		this.createdAt = now;
		this.nextAttemptAt = now;
	}

	AccountSyncBody toBody() {
		return new AccountSyncBody(Long.toString(this.userId), this.username, this.mobileMasked, this.nickname,
				this.id);
	}

	long getId() {
		return this.id;
	}

	int getAttempts() {
		return this.attempts;
	}

}
