package com.contentsuite.user.verification;

import java.time.LocalDate;

import com.contentsuite.common.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IdCardNumberTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

	@ParameterizedTest
	@ValueSource(strings = { "110101199003071233", "11010519491231002X", "44030019850101123X", "11010120000229000X" })
	void acceptsValidNumbers(String number) {
		assertThat(IdCardNumber.normalise(number, TODAY)).isEqualTo(number);
	}

	@Test
	void acceptsALowerCaseXAndUpperCasesIt() {
		assertThat(IdCardNumber.normalise("11010519491231002x", TODAY)).isEqualTo("11010519491231002X");
	}

	@Test
	void stripsSurroundingWhiteSpace() {
		assertThat(IdCardNumber.normalise(" 110101199003071233\t", TODAY)).isEqualTo("110101199003071233");
	}

	@ParameterizedTest
	@ValueSource(strings = { "110101199003071234", "110101199003071230", "110105194912310021" })
	void refusesAWrongCheckDigit(String number) {
		assertRefused(number, "idCard has a wrong check digit");
	}

	@Test
	void refusesAnXWhereTheCheckDigitIsADigit() {
		assertRefused("11010119900307123X", "idCard has a wrong check digit");
	}

	@ParameterizedTest
	@ValueSource(strings = { "11010119900230123", "11010119901301123", "11010119900100123", "11010120010229123",
			"11010118991231123", "11010120261122123", "11010120990101123" })
	void refusesAnImpossibleEarlyOrFutureBirthDate(String first17) {
		assertRefused(IdCards.withCheckChar(first17), "idCard has an invalid birth date");
	}

	@Test
	void acceptsABirthDateOfTodayAndOf1900() {
		assertThat(IdCardNumber.normalise(IdCards.withCheckChar("11010120261121123"), TODAY)).hasSize(18);
		assertThat(IdCardNumber.normalise(IdCards.withCheckChar("11010119000101123"), TODAY)).hasSize(18);
	}

	@ParameterizedTest
	@ValueSource(strings = { "11010119900307123", "1101011990030712333", "110101900307123", "1" })
	void refusesAWrongLength(String number) {
		assertRefused(number, "idCard must be 18 characters");
	}

	@ParameterizedTest
	@ValueSource(strings = { "11010A199003071233", "X10101199003071233", "1101011990030712Y3", "11010119900307123Y",
			"１１０１０１１９９００３０７１２３３", "110101 99003071233" })
	void refusesLettersAndOtherCharacters(String number) {
		assertRefused(number, "idCard must be 17 digits followed by a digit or X");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void refusesAnEmptyNumber(String number) {
		assertRefused(number, "idCard is required");
	}

	@Test
	void refusesNull() {
		assertRefused(null, "idCard is required");
	}

	@Test
	void masksAllButTheRegionAndTheLastFour() {
		assertThat(IdCardNumber.mask("110101199003071234")).isEqualTo("110101********1234");
	}

	private static void assertRefused(String number, String detail) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> IdCardNumber.normalise(number, TODAY))
			.satisfies((ex) -> {
				assertThat(ex.code().code()).isEqualTo(1001);
				assertThat(ex.detail()).isEqualTo(detail);
			});
	}

}
