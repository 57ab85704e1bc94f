package com.contentsuite.common.validation;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlainNameValidatorTests {

	private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	private static boolean valid(String name) {
		return VALIDATOR.validate(new Named(name)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Alice", "张三", "أحمد", "שלום", "\uD83D\uDE00", "a b", "O'Brien",
			"\uD83D\uDC68\u200D\uD83D\uDC69" })
	void acceptsNamesInAnyScriptEmojiAndJoiners(String name) {
		assertThat(valid(name)).as(name).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ali\u202Eecila", "a\u202Ab", "a\u202Bb", "a\u202Cb", "a\u202Db", "a\u2066b", "a\u2067b",
			"a\u2068b", "a\u2069b", "a\tb", "a\nb", "a\u0007b", "a\u007Fb", "a\u0085b", "a\u2028b", "a\u2029b" })
	void refusesControlsSeparatorsAndBidiFormatting(String name) {
		assertThat(valid(name)).as(name).isFalse();
	}

	@Test
	void nullIsValid() {
		assertThat(valid(null)).isTrue();
	}

	record Named(@PlainName String name) {
	}

}
