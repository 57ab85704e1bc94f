package com.contentsuite.user.verification;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

import com.contentsuite.common.web.ApiException;

/**
 * The 18-character PRC resident identity number (GB 11643-1999): six digits of region,
 * eight of birth date ({@code yyyyMMdd}), three of sequence and an ISO 7064 MOD 11-2
 * check character (a digit or {@code X}). Error details name the field, never the value.
 */
final class IdCardNumber {

	static final int LENGTH = 18;

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK_CHARS = "10X98765432";

	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

	private IdCardNumber() {
	}

	/**
	 * The number in its normal form (surrounding white space removed, a lower-case
	 * {@code x} upper-cased), or a {@code 1001} naming {@code idCard}.
	 */
	static String normalise(String raw, LocalDate today) {
		if (raw == null || raw.isBlank()) {
			throw ApiException.args("idCard is required");
		}
		String number = raw.strip().toUpperCase(Locale.ROOT);
		if (number.length() != LENGTH) {
			throw ApiException.args("idCard must be 18 characters");
		}
		for (int i = 0; i < LENGTH - 1; i++) {
			if (!isAsciiDigit(number.charAt(i))) {
				throw ApiException.args("idCard must be 17 digits followed by a digit or X");
			}
		}
		char last = number.charAt(LENGTH - 1);
		if (!isAsciiDigit(last) && last != 'X') {
			throw ApiException.args("idCard must be 17 digits followed by a digit or X");
		}
		LocalDate birth = birthDate(number);
		if (birth == null || birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
			throw ApiException.args("idCard has an invalid birth date");
		}
		if (last != checkChar(number)) {
			throw ApiException.args("idCard has a wrong check digit");
		}
		return number;
	}

	/** {@code 110101********1234}: the region and the last four characters. */
	static String mask(String number) {
		return number.substring(0, 6) + "*".repeat(number.length() - 10) + number.substring(number.length() - 4);
	}

	static char checkChar(String number) {
		int sum = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			sum += (number.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK_CHARS.charAt(sum % 11);
	}

	private static LocalDate birthDate(String number) {
		int year = Integer.parseInt(number.substring(6, 10));
		int month = Integer.parseInt(number.substring(10, 12));
		int day = Integer.parseInt(number.substring(12, 14));
		try {
			return LocalDate.of(year, month, day);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
