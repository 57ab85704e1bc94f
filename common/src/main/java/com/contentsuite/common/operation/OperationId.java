package com.contentsuite.common.operation;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code operationID} header: its name, its rule (1-64 of {@code [A-Za-z0-9._:-]})
 * and minting.
 */
public final class OperationId {

	public static final String HEADER = "operationID";

	/**
	 * MDC key; log patterns print it so one ID finds a request in every service's log.
	 */
	public static final String MDC_KEY = "operationID";

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private OperationId() {
	}

	public static boolean isValid(String value) {
		return value != null && VALID.matcher(value).matches();
	}

	public static String mint() {
		return "gen-" + UUID.randomUUID();
	}

}
