package com.contentsuite.gateway.guard;

/**
 * Decides whether a raw (still percent-encoded) request path is safe to route. Services
 * behind the gateway may normalise or decode a path differently from the gateway's route
 * matching, so anything that could change a path's meaning after routing is refused: dot
 * segments, empty segments, {@code ;} path parameters, backslashes, encoded dots,
 * slashes, backslashes, percent signs and NUL, control characters.
 */
final class RawPaths {

	private RawPaths() {
	}

	static boolean isSafe(String rawPath) {
		if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
			return false;
		}
		int length = rawPath.length();
		int segmentStart = 1;
		for (int i = 0; i < length; i++) {
			char c = rawPath.charAt(i);
			if (c < 0x20 || c == 0x7f || c == '\\' || c == ';') {
				return false;
			}
			if (c == '%' && !isHarmlessEscape(rawPath, i)) {
				return false;
			}
			if (c == '/' && i > 0) {
				if (isEmptyOrDotSegment(rawPath, segmentStart, i)) {
					return false;
				}
				segmentStart = i + 1;
			}
		}
		// A trailing slash leaves an empty last segment, which is harmless; dots are not.
		return segmentStart == length || !isDotSegment(rawPath, segmentStart, length);
	}

	private static boolean isHarmlessEscape(String path, int at) {
		if (at + 2 >= path.length() || !isHex(path.charAt(at + 1)) || !isHex(path.charAt(at + 2))) {
			return false;
		}
		String code = path.substring(at + 1, at + 3);
		return !(code.equalsIgnoreCase("2e") || code.equalsIgnoreCase("2f") || code.equalsIgnoreCase("5c")
				|| code.equalsIgnoreCase("25") || code.equals("00"));
	}

	private static boolean isEmptyOrDotSegment(String path, int start, int end) {
		return start == end || isDotSegment(path, start, end);
	}

	private static boolean isDotSegment(String path, int start, int end) {
		int length = end - start;
		return (length == 1 && path.charAt(start) == '.')
				|| (length == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.');
	}

	private static boolean isHex(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

}
