package com.contentsuite.passport.account;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A login identity: a mobile and/or a username, and a password hash. */
@Entity
@Table(name = "account")
public class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "mobile", length = 16)
	private String mobile;

	@Column(name = "username", length = 32)
	private String username;

	@Column(name = "username_key", length = 32)
	private String usernameKey;

	@Column(name = "password_hash", nullable = false, length = 100)
	private String passwordHash;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected Account() {
	}

	Account(String mobile, String username, String passwordHash, Instant now) {
		this.mobile = mobile;
		this.username = username;
		this.usernameKey = keyOf(username);
		this.passwordHash = passwordHash;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** The case-insensitive form usernames are unique and looked up by. */
	public static String keyOf(String username) {
		return (username != null) ? username.toLowerCase(Locale.ROOT) : null;
	}

	void rename(String username, Instant now) {
		this.username = username;
		this.usernameKey = keyOf(username);
		this.updatedAt = now;
	}

	void changePasswordHash(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.updatedAt = now;
	}

	public long getId() {
		return this.id;
	}

	public String getMobile() {
		return this.mobile;
	}

	public String getUsername() {
		return this.username;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

}
