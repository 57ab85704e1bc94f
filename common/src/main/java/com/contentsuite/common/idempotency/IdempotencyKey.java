package com.contentsuite.common.idempotency;

import java.util.regex.Pattern;

import com.contentsuite.common.web.ApiException;

/** The {@code Idempotency-Key} header: 1-64 of {@code [A-Za-z0-9_-]}. */
public final class IdempotencyKey {

	public static final String HEADER = "Idempotency-Key";

	/** Set on a response that replays a stored first answer. */
	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private IdempotencyKey() {
	}

	static String require(String value) {
		if (!VALID.matcher(value).matches()) {
			throw ApiException.args("Idempotency-Key is invalid");
		}
		return value;
	}

}
