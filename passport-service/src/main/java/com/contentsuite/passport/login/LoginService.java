package com.contentsuite.passport.login;

import java.util.Optional;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.passport.account.Account;
import com.contentsuite.passport.account.AccountService;
import com.contentsuite.passport.lockout.LoginLockout;
import com.contentsuite.passport.password.PasswordHasher;
import com.contentsuite.passport.session.SessionService;
import com.contentsuite.passport.token.TokenPair;

import org.springframework.stereotype.Service;

/**
 * Login by mobile or username. An unknown account and a wrong password look the same to
 * the client: same code, same bcrypt cost, same lockout. The lockout reserves the attempt
 * before bcrypt runs, so parallel guesses cannot outrun it.
 */
@Service
class LoginService {

	private final AccountService accounts;

	private final PasswordHasher hasher;

	private final LoginLockout lockout;

	private final SessionService sessions;

	LoginService(AccountService accounts, PasswordHasher hasher, LoginLockout lockout, SessionService sessions) {
		this.accounts = accounts;
		this.hasher = hasher;
		this.lockout = lockout;
		this.sessions = sessions;
	}

	TokenPair login(String login, String password) {
		Optional<Account> account = this.accounts.findByLogin(login);
		String subject = account.map((found) -> LoginLockout.subjectOf(found.getId()))
			.orElseGet(() -> LoginLockout.subjectOfUnknown(login));
		try (LoginLockout.Attempt attempt = this.lockout.begin(subject)) {
			boolean matches;
			if (account.isPresent()) {
				matches = this.hasher.matches(password, account.get().getPasswordHash());
			}
			else {
				this.hasher.matchNothing(password);
				matches = false;
			}
			if (!matches) {
				attempt.failed();
				throw new ApiException(ErrorCode.PASSWORD_ERROR, "account or password is incorrect");
			}
			attempt.succeeded();
		}
		return this.sessions.open(account.get().getId());
	}

}
