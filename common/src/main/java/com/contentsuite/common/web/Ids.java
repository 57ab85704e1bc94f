package com.contentsuite.common.web;

/**
 * Identifiers travel as strings of decimal digits (docs/api.md section 1): 1 to 19 ASCII
 * digits naming a positive {@code long}. The one reader of that rule in the suite, for
 * what a client sends (path variables, request bodies through {@code IdDeserializer}),
 * identity headers, token subjects and the answers of sibling services.
 */
public final class Ids {

	private static final int MAX_DIGITS = 19;

	private Ids() {
	}

	/**
	 * The identifier a client sent.
	 * @param value the text, as the client sent it
	 * @param field the name the client knows it by
	 * @return the identifier
	 * @throws ApiException 400 1001 {@code "<field> is required"} when {@code value} is
	 * {@code null} or empty, {@code "<field> is invalid"} when it is no identifier
	 */
	public static long parse(String value, String field) {
		if (value == null || value.isEmpty()) {
			throw ApiException.args(field + " is required");
		}
		Long id = tryParse(value);
		if (id == null) {
			throw ApiException.args(field + " is invalid");
		}
		return id;
	}

	/**
	 * The identifier {@code value} names, or {@code null} when it names none; the caller
	 * decides what a missing or bad one means (a header refused, a dependency that
	 * answered unexpectedly).
	 * @param value the text, may be {@code null}
	 * @return the identifier, or {@code null}
	 */
	public static Long tryParse(String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_DIGITS
				|| !value.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return null;
		}
		try {
			long id = Long.parseLong(value);
			return (id > 0) ? id : null;
		}
		catch (NumberFormatException ex) {
			// More than Long.MAX_VALUE.
			return null;
		}
	}

	/**
	 * The identifier {@code value} names when it is written the one way the suite writes
	 * identifiers ({@link Long#toString(long)}: no leading zero), else {@code null}. For
	 * text that is passed on as it is, such as a token's subject that the gateway
	 * forwards as {@code X-User-ID}: one user has one spelling.
	 * @param value the text, may be {@code null}
	 * @return the identifier, or {@code null}
	 */
	public static Long tryParseCanonical(String value) {
		Long id = tryParse(value);
		return (id != null && value.charAt(0) != '0') ? id : null;
	}

}
