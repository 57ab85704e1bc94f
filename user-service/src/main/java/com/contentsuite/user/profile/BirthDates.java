package com.contentsuite.user.profile;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import com.contentsuite.common.web.ApiException;

/**
 * {@code birthDate} on the wire: {@code yyyy-MM-dd}, a real calendar date, strictly
 * before today (UTC) and not before 1900, the earliest a living user's birth date can
 * plausibly be.
 */
final class BirthDates {

	static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	// STRICT rejects 2001-02-30 instead of quietly moving it to the end of the month.
	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private BirthDates() {
	}

	static LocalDate parse(String value, LocalDate today) {
		LocalDate date;
		try {
			date = LocalDate.parse(value, FORMAT);
		}
		catch (DateTimeParseException ex) {
			throw ApiException.args("birthDate must be a date as yyyy-MM-dd");
		}
		if (!date.isBefore(today)) {
			throw ApiException.args("birthDate must be in the past");
		}
		if (date.isBefore(EARLIEST)) {
			throw ApiException.args("birthDate must not be before 1900-01-01");
		}
		return date;
	}

	static String format(LocalDate date) {
		return (date != null) ? FORMAT.format(date) : null;
	}

}
