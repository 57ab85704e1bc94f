package com.contentsuite.passport.register;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.DependencyFailures;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.passport.account.AccountRules;
import com.contentsuite.passport.account.AccountService;
import com.contentsuite.passport.captcha.CaptchaService;
import com.contentsuite.passport.password.PasswordHasher;
import com.contentsuite.passport.password.PasswordPolicy;
import com.contentsuite.passport.register.RegisterController.RegisterRequest;

import org.springframework.stereotype.Service;

/**
 * Registration in docs/api.md's order: the fields (1001), then the captcha (which spends
 * it), then uniqueness (20003, 20004), so a client learns whether a mobile or name is
 * taken only with a solved captcha.
 */
@Service
class RegistrationService {

	private final AccountService accounts;

	private final CaptchaService captchas;

	private final PasswordPolicy policy;

	private final PasswordHasher hasher;

	RegistrationService(AccountService accounts, CaptchaService captchas, PasswordPolicy policy,
			PasswordHasher hasher) {
		this.accounts = accounts;
		this.captchas = captchas;
		this.policy = policy;
		this.hasher = hasher;
	}

	long register(RegisterRequest request) {
		String mobile = emptyToNull(request.mobile());
		String username = emptyToNull(request.username());
		if (mobile == null && username == null) {
			throw ApiException.args("mobile or username is required");
		}
		if (mobile != null) {
			AccountRules.requireMobile(mobile);
		}
		if (username != null) {
			AccountRules.requireUsername(username);
		}
		this.policy.check(request.password(), mobile, username);
		this.captchas.check(request.imgCodeId(), request.imgCode());
		try {
			this.accounts.requireFree(mobile, username);
			return this.accounts.create(mobile, username, this.hasher.hash(request.password()));
		}
		catch (RuntimeException ex) {
			ApiException known = DependencyFailures.classify(ex);
			if (known != null && known.code() == ErrorCode.SERVICE_UNAVAILABLE) {
				// Nothing was created: the retry the client is told to make must not find
				// its captcha spent.
				this.captchas.giveBack(request.imgCodeId(), request.imgCode());
			}
			throw ex;
		}
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
