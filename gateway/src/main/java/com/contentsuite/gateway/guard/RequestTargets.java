package com.contentsuite.gateway.guard;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Whether Spring's Reactor adapter can turn a request-target into a {@link URI}. It
 * builds {@code scheme://host[:port]} plus the target (an absolute-form target loses its
 * own scheme and authority) and parses that with {@code java.net.URI}; when that fails it
 * answers an empty 400 before any web filter runs. {@link UnparsableTargetRoute} answers
 * those requests instead.
 * <p>
 * Ordinary targets are decided by one pass over their characters, with no allocation;
 * only a target holding something rarer (a character outside RFC 3986's unreserved,
 * sub-delims, {@code : @ / ?}, a bad escape, a fragment) is handed to
 * {@code java.net.URI} itself, so the answer is exactly the adapter's.
 */
final class RequestTargets {

	/** Characters {@code java.net.URI} accepts in a path and in a query alike. */
	private static final boolean[] PLAIN = new boolean[128];

	static {
		for (char c = 'a'; c <= 'z'; c++) {
			PLAIN[c] = true;
			PLAIN[Character.toUpperCase(c)] = true;
		}
		for (char c = '0'; c <= '9'; c++) {
			PLAIN[c] = true;
		}
		for (char c : "-._~!$&'()*+,;=:@/?".toCharArray()) {
			PLAIN[c] = true;
		}
	}

	private RequestTargets() {
	}

	static boolean isParsable(String target) {
		if (isPlain(target)) {
			return true;
		}
		try {
			new URI("http://gateway" + withoutSchemeAndAuthority(target));
			return true;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/** An origin-form target of plain characters and well-formed escapes only. */
	private static boolean isPlain(String target) {
		int length = target.length();
		if (length == 0 || target.charAt(0) != '/') {
			return false;
		}
		for (int i = 1; i < length; i++) {
			char c = target.charAt(i);
			if (c == '%') {
				if (i + 2 >= length || !isHex(target.charAt(i + 1)) || !isHex(target.charAt(i + 2))) {
					return false;
				}
				i += 2;
			}
			else if (c >= 128 || !PLAIN[c]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * What the adapter keeps of a target: an absolute form loses scheme and authority.
	 */
	private static String withoutSchemeAndAuthority(String target) {
		int length = target.length();
		for (int i = 0; i < length; i++) {
			char c = target.charAt(i);
			if (c == '/' || c == '?' || c == '#') {
				return target;
			}
			if (c == ':' && i + 2 < length && target.charAt(i + 1) == '/' && target.charAt(i + 2) == '/') {
				for (int j = i + 3; j < length; j++) {
					c = target.charAt(j);
					if (c == '/' || c == '?' || c == '#') {
						return target.substring(j);
					}
				}
				return "";
			}
		}
		return target;
	}

	private static boolean isHex(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

}
