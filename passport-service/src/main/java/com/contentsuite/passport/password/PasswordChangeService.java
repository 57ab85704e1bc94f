package com.contentsuite.passport.password;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.passport.account.Account;
import com.contentsuite.passport.account.AccountService;
import com.contentsuite.passport.lockout.LoginLockout;
import com.contentsuite.passport.session.SessionService;

import org.springframework.stereotype.Service;

/**
 * Changes a password given the old one. A wrong old password counts as a failed login, so
 * a stolen access token cannot be used to guess it; success ends every session.
 */
@Service
class PasswordChangeService {

	private final AccountService accounts;

	private final PasswordPolicy policy;

	private final PasswordHasher hasher;

	private final LoginLockout lockout;

	private final SessionService sessions;

	PasswordChangeService(AccountService accounts, PasswordPolicy policy, PasswordHasher hasher, LoginLockout lockout,
			SessionService sessions) {
		this.accounts = accounts;
		this.policy = policy;
		this.hasher = hasher;
		this.lockout = lockout;
		this.sessions = sessions;
	}

	void change(long userId, String oldPassword, String newPassword) {
		Account account = this.accounts.get(userId);
		this.policy.check(newPassword, account.getMobile(), account.getUsername());
		String subject = LoginLockout.subjectOf(userId);
		try (LoginLockout.Attempt attempt = this.lockout.begin(subject)) {
			if (!this.hasher.matches(oldPassword, account.getPasswordHash())) {
				attempt.failed();
				throw new ApiException(ErrorCode.PASSWORD_ERROR, "old password is incorrect");
			}
			attempt.succeeded();
		}
		this.accounts.changePasswordHash(userId, this.hasher.hash(newPassword));
		this.sessions.revokeAll(userId, "password");
	}

}
