package com.contentsuite.passport.account;

import java.util.regex.Pattern;

import com.contentsuite.common.web.ApiException;

/** The formats of docs/api.md section 2 for mobiles and usernames. */
public final class AccountRules {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	// {3,20} counts code points, so a CJK character outside the BMP is one character.
	private static final Pattern USERNAME = Pattern.compile("(?![0-9]+$)[A-Za-z0-9_\\p{IsHan}]{3,20}");

	private AccountRules() {
	}

	public static boolean isMobile(String value) {
		return value != null && MOBILE.matcher(value).matches();
	}

	public static void requireMobile(String mobile) {
		if (mobile == null || mobile.isEmpty()) {
			throw ApiException.args("mobile is required");
		}
		if (!isMobile(mobile)) {
			throw ApiException.args("mobile is invalid");
		}
	}

	public static void requireUsername(String username) {
		if (username == null || username.isEmpty()) {
			throw ApiException.args("username is required");
		}
		if (!USERNAME.matcher(username).matches()) {
			throw ApiException.args("username must be 3-20 letters, digits, '_' or CJK characters, not all digits");
		}
	}

}
