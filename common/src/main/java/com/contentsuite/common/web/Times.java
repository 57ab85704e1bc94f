package com.contentsuite.common.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * docs/api.md times: ISO-8601 UTC with exactly three fraction digits,
 * {@code 2026-11-21T08:15:30.123Z}.
 */
public final class Times {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private Times() {
	}

	public static String format(Instant instant) {
		return (instant != null) ? FORMAT.format(instant) : null;
	}

}
