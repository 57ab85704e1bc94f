package com.contentsuite.user.profile;

import java.time.LocalDate;

import com.contentsuite.common.web.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BirthDatesTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

	@Test
	void parsesADateBeforeToday() {
		assertThat(BirthDates.parse("2026-02-28", TODAY)).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(BirthDates.parse("1900-01-01", TODAY)).isEqualTo(BirthDates.EARLIEST);
	}

	@Test
	void refusesTodayAndLater() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> BirthDates.parse("2026-03-01", TODAY))
			.withMessage("birthDate must be in the past");
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> BirthDates.parse("2030-01-01", TODAY));
	}

	@Test
	void refusesDatesThatDoNotExistInsteadOfAdjustingThem() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> BirthDates.parse("2023-02-29", TODAY))
			.withMessage("birthDate must be a date as yyyy-MM-dd");
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> BirthDates.parse("2023-04-31", TODAY));
	}

	@Test
	void refusesDatesBefore1900() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> BirthDates.parse("1899-12-31", TODAY))
			.withMessage("birthDate must not be before 1900-01-01");
	}

	@Test
	void formatsAsYearMonthDayAndNullAsNull() {
		assertThat(BirthDates.format(LocalDate.of(1990, 5, 7))).isEqualTo("1990-05-07");
		assertThat(BirthDates.format(null)).isNull();
	}

}
