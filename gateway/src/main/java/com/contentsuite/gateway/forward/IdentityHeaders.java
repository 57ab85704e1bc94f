package com.contentsuite.gateway.forward;

import java.util.ArrayList;
import java.util.List;

import com.contentsuite.common.internal.InternalAuth;

import org.springframework.http.HttpHeaders;

/**
 * The headers only the gateway may set: {@code userID}, {@code X-User-ID},
 * {@code X-Internal-*}.
 */
final class IdentityHeaders {

	private static final String INTERNAL_PREFIX = "X-Internal-";

	private IdentityHeaders() {
	}

	static boolean isReserved(String name) {
		return name.equalsIgnoreCase("userID") || name.equalsIgnoreCase(InternalAuth.USER_HEADER)
				|| name.regionMatches(true, 0, INTERNAL_PREFIX, 0, INTERNAL_PREFIX.length());
	}

	// Both walk the entries as they are: headerNames() would build a case-insensitive set
	// (lowercasing every name) on every request, for a check that almost never finds one.
	static boolean containsReserved(HttpHeaders headers) {
		boolean[] found = { false };
		headers.forEach((name, values) -> found[0] |= isReserved(name));
		return found[0];
	}

	/** Removes every copy of every reserved header, whatever its letter case. */
	static void strip(HttpHeaders headers) {
		List<String> reserved = new ArrayList<>(0);
		headers.forEach((name, values) -> {
			if (isReserved(name)) {
				reserved.add(name);
			}
		});
		reserved.forEach(headers::remove);
	}

}
