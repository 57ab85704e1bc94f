package com.contentsuite.common.web;

/**
 * Identifiers travel as strings of decimal digits (API.md section 1); this reads one or
 * answers 1001.
 */
public final class Ids {

	private Ids() {
	}

	public static long parse(String value, String field) {
		if (value == null || value.isEmpty()) {
			throw ApiException.args(field + " is required");
		}
		if (value.length() > 19 || !value.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw ApiException.args(field + " is invalid");
		}
		try {
			long id = Long.parseLong(value);
			if (id <= 0) {
				throw ApiException.args(field + " is invalid");
			}
			return id;
		}
		catch (NumberFormatException ex) {
			throw ApiException.args(field + " is invalid");
		}
	}

}
