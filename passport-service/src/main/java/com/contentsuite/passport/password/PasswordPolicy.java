package com.contentsuite.passport.password;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.contentsuite.common.web.ApiException;
import me.gosimple.nbvcxz.resources.DictionaryUtil;

import org.springframework.stereotype.Component;

/**
 * docs/api.md's password rule: 8-64 characters, not one of the most common passwords, not
 * the account's own mobile or username; no composition rule.
 */
@Component
public class PasswordPolicy {

	static final int MIN_LENGTH = 8;

	static final int MAX_LENGTH = 64;

	private final Set<String> common;

	PasswordPolicy(PasswordProperties properties) {
		// nbvcxz's bundled list is ordered by frequency; the rank of "123456" is 1.
		Map<String, Integer> ranked = DictionaryUtil.loadRankedDictionary(DictionaryUtil.passwords);
		this.common = ranked.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() <= properties.commonRankLimit())
			.map(Map.Entry::getKey)
			.collect(Collectors.toUnmodifiableSet());
	}

	public void check(String password, String mobile, String username) {
		if (password == null || password.isEmpty()) {
			throw ApiException.args("password is required");
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH || length > MAX_LENGTH) {
			throw ApiException.args("password must be " + MIN_LENGTH + "-" + MAX_LENGTH + " characters");
		}
		if (this.common.contains(password.toLowerCase(Locale.ROOT))) {
			throw ApiException.args("password is too common");
		}
		if (password.equalsIgnoreCase(mobile) || password.equalsIgnoreCase(username)) {
			throw ApiException.args("password must not equal the mobile or username");
		}
	}

}
