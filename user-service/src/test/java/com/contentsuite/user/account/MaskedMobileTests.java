package com.contentsuite.user.account;

import com.contentsuite.common.web.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MaskedMobileTests {

	@Test
	void keepsAMaskedNumber() {
		assertThat(MaskedMobile.of("138****8000")).isEqualTo("138****8000");
	}

	@Test
	void masksAFullNumber() {
		assertThat(MaskedMobile.of("13812348000")).isEqualTo("138****8000");
	}

	@Test
	void keepsAbsentAbsent() {
		assertThat(MaskedMobile.of(null)).isNull();
	}

	@Test
	void refusesAnythingElse() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> MaskedMobile.of("+8613812348000"))
			.withMessage("mobile is invalid");
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> MaskedMobile.of("138***8000"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> MaskedMobile.of(""));
	}

}
