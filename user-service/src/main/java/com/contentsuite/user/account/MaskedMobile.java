package com.contentsuite.user.account;

import java.util.regex.Pattern;

import com.contentsuite.common.web.ApiException;

/**
 * The only form of a mobile number this service stores: {@code 138****8000}. passport
 * sends it masked already; a full number is masked here rather than kept.
 */
final class MaskedMobile {

	private static final Pattern FULL = Pattern.compile("\\d{11}");

	private static final Pattern MASKED = Pattern.compile("\\d{3}\\*{4}\\d{4}");

	private MaskedMobile() {
	}

	static String of(String mobile) {
		if (mobile == null) {
			return null;
		}
		if (MASKED.matcher(mobile).matches()) {
			return mobile;
		}
		if (FULL.matcher(mobile).matches()) {
			return mobile.substring(0, 3) + "****" + mobile.substring(7);
		}
		throw ApiException.args("mobile is invalid");
	}

}
