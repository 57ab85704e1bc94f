package com.contentsuite.passport.sync;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountOutboxTests {

	@Test
	void masksAllButTheFirstThreeAndLastFourDigits() {
		assertThat(AccountOutbox.maskMobile("13800138000")).isEqualTo("138****8000");
		assertThat(AccountOutbox.maskMobile(null)).isNull();
	}

}
