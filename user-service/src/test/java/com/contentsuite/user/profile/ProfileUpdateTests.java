package com.contentsuite.user.profile;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileUpdateTests {

	private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

	private static final Validator VALIDATOR = FACTORY.getValidator();

	@AfterAll
	static void close() {
		FACTORY.close();
	}

	private static Set<ConstraintViolation<ProfileUpdate>> violations(ProfileUpdate update) {
		return VALIDATOR.validate(update);
	}

	private static String only(ProfileUpdate update) {
		Set<ConstraintViolation<ProfileUpdate>> violations = violations(update);
		assertThat(violations).hasSize(1);
		ConstraintViolation<ProfileUpdate> violation = violations.iterator().next();
		return violation.getPropertyPath() + " " + violation.getMessage();
	}

	@Test
	void allowsEveryFieldToBeAbsent() {
		assertThat(violations(new ProfileUpdate(null, null, null, null))).isEmpty();
	}

	@Test
	void countsNicknameLengthInCodePoints() {
		assertThat(violations(new ProfileUpdate("😀".repeat(32), null, null, null))).isEmpty();
		assertThat(only(new ProfileUpdate("😀".repeat(33), null, null, null)))
			.isEqualTo("nickname must be 1-32 characters");
		assertThat(only(new ProfileUpdate("", null, null, null))).isEqualTo("nickname must be 1-32 characters");
	}

	@Test
	void refusesABlankNicknameIncludingUnicodeSpaces() {
		assertThat(only(new ProfileUpdate(" \u3000\u00a0", null, null, null))).isEqualTo("nickname must not be blank");
		assertThat(violations(new ProfileUpdate(" x ", null, null, null))).isEmpty();
	}

	@Test
	void allowsAnEmptySignatureUpTo256Characters() {
		assertThat(violations(new ProfileUpdate(null, "", null, null))).isEmpty();
		assertThat(violations(new ProfileUpdate(null, "é".repeat(256), null, null))).isEmpty();
		assertThat(only(new ProfileUpdate(null, "é".repeat(257), null, null)))
			.isEqualTo("signature must be 0-256 characters");
	}

	@Test
	void allowsSexZeroToTwo() {
		assertThat(violations(new ProfileUpdate(null, null, 2, null))).isEmpty();
		assertThat(only(new ProfileUpdate(null, null, 3, null))).isEqualTo("sex must be 0, 1 or 2");
		assertThat(only(new ProfileUpdate(null, null, -1, null))).isEqualTo("sex must be 0, 1 or 2");
	}

	@Test
	void wantsBirthDateShapedAsYearMonthDay() {
		assertThat(violations(new ProfileUpdate(null, null, null, "1999-12-31"))).isEmpty();
		assertThat(only(new ProfileUpdate(null, null, null, "31.12.1999")))
			.isEqualTo("birthDate must be a date as yyyy-MM-dd");
	}

}
