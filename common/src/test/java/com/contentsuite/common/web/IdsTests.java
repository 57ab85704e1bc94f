package com.contentsuite.common.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IdsTests {

	@Test
	void anIdIsOneTo19DigitsNamingAPositiveLong() {
		assertThat(Ids.parse("7", "userID")).isEqualTo(7);
		assertThat(Ids.parse("007", "userID")).isEqualTo(7);
		assertThat(Ids.parse("9223372036854775807", "userID")).isEqualTo(Long.MAX_VALUE);
		assertThat(Ids.tryParse("12")).isEqualTo(12L);
		assertThat(Ids.tryParse("0012")).isEqualTo(12L);
	}

	@Test
	void aMissingIdIsRequired() {
		for (String value : new String[] { null, "" }) {
			assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Ids.parse(value, "postID"))
				.satisfies((ex) -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.ARGS);
					assertThat(ex.detail()).isEqualTo("postID is required");
				});
			assertThat(Ids.tryParse(value)).isNull();
			assertThat(Ids.tryParseCanonical(value)).isNull();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "000", "-1", "+7", " 7", "7 ", "1.5", "abc", "1e3", "\u0667", "\uff19",
			"9223372036854775808", "12345678901234567890", "00000000000000000007" })
	void anythingElseIsInvalid(String value) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Ids.parse(value, "postID")).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.ARGS);
			assertThat(ex.httpStatus()).isEqualTo(400);
			assertThat(ex.detail()).isEqualTo("postID is invalid");
		});
		assertThat(Ids.tryParse(value)).isNull();
		assertThat(Ids.tryParseCanonical(value)).isNull();
	}

	@Test
	void theCanonicalSpellingHasNoLeadingZero() {
		assertThat(Ids.tryParseCanonical("7")).isEqualTo(7L);
		assertThat(Ids.tryParseCanonical("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
		assertThat(Ids.tryParseCanonical("07")).isNull();
		assertThat(Ids.tryParseCanonical("alice")).isNull();
	}

}
