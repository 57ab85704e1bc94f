package com.contentsuite.gateway.forward;

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

	static boolean containsReserved(HttpHeaders headers) {
		for (String name : headers.headerNames()) {
			if (isReserved(name)) {
				return true;
			}
		}
		return false;
	}

	/** Removes every copy of every reserved header, whatever its letter case. */
	static void strip(HttpHeaders headers) {
		List<String> reserved = headers.headerNames().stream().filter(IdentityHeaders::isReserved).toList();
		reserved.forEach(headers::remove);
	}

}
