package com.contentsuite.passport.account;

import java.sql.SQLIntegrityConstraintViolationException;

import com.contentsuite.common.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AccountRulesTests {

	@ParameterizedTest
	@ValueSource(strings = { "abc", "alice_01", "张三丰", "李_4", "abcdefghij0123456789", "007bond", "𠀀𠀁𠀂" })
	void acceptsUsernamesOfLettersDigitsUnderscoreOrCjk(String username) {
		assertThatCode(() -> AccountRules.requireUsername(username)).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ab", "123456", "with space", "dash-ed", "émile", "abcdefghij0123456789x", "" })
	void refusesOtherUsernames(String username) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> AccountRules.requireUsername(username))
			.satisfies((ex) -> assertThat(ex.detail()).contains("username"));
	}

	@Test
	void mobilesAreElevenDigitsStartingWithOneThenThreeToNine() {
		assertThat(AccountRules.isMobile("13800138000")).isTrue();
		assertThat(AccountRules.isMobile("19912345678")).isTrue();
		assertThat(AccountRules.isMobile("12800138000")).isFalse();
		assertThat(AccountRules.isMobile("1380013800")).isFalse();
		assertThat(AccountRules.isMobile("138001380001")).isFalse();
		assertThat(AccountRules.isMobile("alice")).isFalse();
	}

	@Test
	void uniqueKeyViolationsMapToTheirCodesOnMariaDbAndMySql() {
		assertThat(conflict("Duplicate entry '138' for key 'uk_account_mobile'")).isEqualTo(20003);
		assertThat(conflict("Duplicate entry 'al' for key 'account.uk_account_username_key'")).isEqualTo(20004);
		DataIntegrityViolationException other = violation("Column 'password_hash' cannot be null");
		assertThat(AccountConflicts.translate(other)).isSameAs(other);
	}

	private static int conflict(String message) {
		return ((ApiException) AccountConflicts.translate(violation(message))).code().code();
	}

	private static DataIntegrityViolationException violation(String message) {
		return new DataIntegrityViolationException("could not execute statement",
				new SQLIntegrityConstraintViolationException(message, "23000", 1062));
	}

}
