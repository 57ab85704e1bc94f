package com.contentsuite.user.profile;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A user's profile. Rows are created and their account columns (username, mobile, account
 * version) written only by the account sync, which uses SQL of its own; this entity
 * changes the columns the user owns.
 */
@Entity
@Table(name = "user_profile")
// Only changed columns are written, so a profile edit never overwrites a username or
// mobile that a concurrent account sync just applied.
@DynamicUpdate
public class UserProfile {

	@Id
	@Column(name = "user_id")
	private Long userId;

	@Column(name = "username", updatable = false, insertable = false)
	private String username;

	@Column(name = "mobile", updatable = false, insertable = false)
	private String mobile;

	@Column(name = "nickname", nullable = false)
	private String nickname;

	@Column(name = "avatar_url", nullable = false)
	private String avatarUrl;

	@Column(name = "signature", nullable = false)
	private String signature;

	@Column(name = "sex", nullable = false)
	private byte sex;

	@Column(name = "birth_date")
	private LocalDate birthDate;

	@Column(name = "verified", nullable = false)
	private boolean verified;

	@Column(name = "create_time", nullable = false, updatable = false)
	private Instant createTime;

	@Column(name = "update_time", nullable = false)
	private Instant updateTime;

	protected UserProfile() {
	}

	/** This profile as the answers show it. */
	ProfileRow row() {
		return new ProfileRow(this.userId, this.username, this.mobile, this.nickname, this.avatarUrl, this.signature,
				this.sex, this.birthDate, this.verified, this.createTime);
	}

	public Long getUserId() {
		return this.userId;
	}

	public String getUsername() {
		return this.username;
	}

	public String getMobile() {
		return this.mobile;
	}

	public String getNickname() {
		return this.nickname;
	}

	public String getAvatarUrl() {
		return this.avatarUrl;
	}

	public String getSignature() {
		return this.signature;
	}

	public int getSex() {
		return this.sex;
	}

	public LocalDate getBirthDate() {
		return this.birthDate;
	}

	public boolean isVerified() {
		return this.verified;
	}

	public Instant getCreateTime() {
		return this.createTime;
	}

	void changeNickname(String nickname) {
		this.nickname = nickname;
	}

	void changeSignature(String signature) {
		this.signature = signature;
	}

	void changeSex(int sex) {
		this.sex = (byte) sex;
	}

	void changeBirthDate(LocalDate birthDate) {
		this.birthDate = birthDate;
	}

	void changeAvatarUrl(String avatarUrl) {
		this.avatarUrl = avatarUrl;
	}

	void touch(Instant now) {
		this.updateTime = now;
	}

}
