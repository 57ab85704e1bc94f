package com.contentsuite.passport.account;

import java.sql.SQLException;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Turns a unique-key violation on {@code account} into the code docs/api.md gives for it:
 * two registrations racing past the existence check meet here.
 */
final class AccountConflicts {

	private AccountConflicts() {
	}

	static ApiException mobileTaken() {
		return new ApiException(ErrorCode.PHONE_ALREADY_REGISTER, "mobile is already registered");
	}

	static ApiException usernameTaken() {
		return new ApiException(ErrorCode.ACCOUNT_ALREADY_REGISTER, "username is already taken");
	}

	static RuntimeException translate(DataIntegrityViolationException ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof SQLException sql && sql.getMessage() != null) {
				if (sql.getMessage().contains("uk_account_mobile")) {
					return mobileTaken();
				}
				if (sql.getMessage().contains("uk_account_username_key")) {
					return usernameTaken();
				}
			}
		}
		return ex;
	}

}
