package com.contentsuite.common.operation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationIdTests {

	@Test
	void acceptsOneToSixtyFourOfTheAllowedCharacters() {
		assertThat(OperationId.isValid("a")).isTrue();
		assertThat(OperationId.isValid("op-1.2_3:4")).isTrue();
		assertThat(OperationId.isValid("x".repeat(64))).isTrue();
		assertThat(OperationId.isValid(OperationId.mint())).isTrue();
	}

	@Test
	void refusesEmptyTooLongAndOtherCharacters() {
		assertThat(OperationId.isValid(null)).isFalse();
		assertThat(OperationId.isValid("")).isFalse();
		assertThat(OperationId.isValid("x".repeat(65))).isFalse();
		assertThat(OperationId.isValid("a b")).isFalse();
		assertThat(OperationId.isValid("a\nb")).isFalse();
		assertThat(OperationId.isValid("<script>")).isFalse();
	}

}
