package com.contentsuite.passport.password;

import com.contentsuite.common.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PasswordPolicyTests {

	private static final PasswordPolicy policy = new PasswordPolicy(new PasswordProperties(4, 10_000));

	private static void assertRefused(String password, String mobile, String username, String detail) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> policy.check(password, mobile, username))
			.satisfies((ex) -> {
				assertThat(ex.code().code()).isEqualTo(1001);
				assertThat(ex.detail()).contains(detail);
			});
	}

	@Test
	void needsEightToSixtyFourCharacters() {
		assertRefused(null, null, "alice", "required");
		assertRefused("", null, "alice", "required");
		assertRefused("q7#Lm2x", null, "alice", "8-64");
		assertRefused("q7#Lm2xZ".repeat(8) + "a", null, "alice", "8-64");
		assertThatCode(() -> policy.check("q7#Lm2xZ".repeat(8), null, "alice")).doesNotThrowAnyException();
	}

	@Test
	void countsCharactersNotBytes() {
		assertThatCode(() -> policy.check("月光下的小河流水", null, "alice")).doesNotThrowAnyException();
		assertThatCode(() -> policy.check("𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇", null, "alice")).as("8 characters outside the BMP")
			.doesNotThrowAnyException();
		assertRefused("𠀀𠀁𠀂𠀃", null, "alice", "8-64");
	}

	@ParameterizedTest
	@ValueSource(strings = { "password1", "12345678", "qwertyuiop", "PASSWORD1", "iloveyou" })
	void refusesCommonPasswordsInAnyCase(String password) {
		assertRefused(password, null, "alice", "common");
	}

	@Test
	void onlyTheConfiguredTopOfTheListIsRefused() {
		PasswordPolicy lenient = new PasswordPolicy(new PasswordProperties(4, 2));
		assertThatCode(() -> lenient.check("12345678", null, "alice")).as("rank 3").doesNotThrowAnyException();
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> lenient.check("password", null, "alice"));
	}

	@Test
	void refusesTheAccountsOwnMobileOrUsernameInAnyCase() {
		assertRefused("13800138000", "13800138000", null, "mobile or username");
		assertRefused("Alice_Wonder", null, "alice_wonder", "mobile or username");
	}

	@Test
	void acceptsAStrongPasswordWithoutCompositionRules() {
		assertThatCode(() -> policy.check("quiet harbor lantern", "13800138000", "alice")).doesNotThrowAnyException();
		assertThatCode(() -> policy.check("correcthorsebatterystaple", null, "alice")).doesNotThrowAnyException();
	}

}
