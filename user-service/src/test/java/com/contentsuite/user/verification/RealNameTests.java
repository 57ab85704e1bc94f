package com.contentsuite.user.verification;

import com.contentsuite.common.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RealNameTests {

	@ParameterizedTest
	@ValueSource(strings = { "张三", "欧阳娜娜", "阿依古丽·买买提", "John", "𠀀𠀁", "Zoë" })
	void acceptsLettersAndTheMiddleDot(String name) {
		assertThat(RealName.normalise(name)).isEqualTo(name);
	}

	@Test
	void countsCodePointsNotUtf16Units() {
		String thirty = "𠀀".repeat(30);
		assertThat(RealName.normalise(thirty)).isEqualTo(thirty);
		assertRefused("𠀀".repeat(31), "realName must be 2-30 characters");
		assertRefused("张", "realName must be 2-30 characters");
	}

	@Test
	void normalisesToNfcAndStripsSurroundingSpace() {
		assertThat(RealName.normalise(" Zoe\u0308 ")).isEqualTo("Zoë");
	}

	@ParameterizedTest
	@ValueSource(strings = { "张 三", "张3", "张-三", "张.三", "<b>张三", "张三\u0000", "张\u202E三", "张\u2066三", "张\t三" })
	void refusesOtherCharacters(String name) {
		assertRefused(name, "realName may only hold letters and the middle dot");
	}

	@ParameterizedTest
	@ValueSource(strings = { "·张三", "张三·", "张··三" })
	void refusesAMisplacedMiddleDot(String name) {
		assertRefused(name, "realName has a misplaced middle dot");
	}

	@Test
	void refusesAMissingName() {
		assertRefused(null, "realName is required");
		assertRefused(" ", "realName is required");
	}

	@Test
	void keepsTheFirstCharacterAndMasksEveryOther() {
		assertThat(RealName.mask("张三")).isEqualTo("张*");
		assertThat(RealName.mask("欧阳娜娜")).isEqualTo("欧***");
		assertThat(RealName.mask("𠀀𠀁𠀂")).isEqualTo("𠀀**");
	}

	private static void assertRefused(String name, String detail) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> RealName.normalise(name)).satisfies((ex) -> {
			assertThat(ex.code().code()).isEqualTo(1001);
			assertThat(ex.detail()).isEqualTo(detail);
		});
	}

}
