package com.contentsuite.common.json;

/**
 * The rule for every text a client sends: well-formed UTF-16 (a JSON escape such as
 * {@code \ud800} can name half a surrogate pair, which the database would store as
 * {@code ?}) and no U+0000 (C strings, logs and some drivers cut text there).
 */
final class UnicodeText {

	private UnicodeText() {
	}

	/** Why {@code value} is refused, or {@code null} when it is fine. */
	static String problemOf(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\u0000') {
				return "must not contain U+0000";
			}
			if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return "is not valid Unicode text";
			}
		}
		return null;
	}

}
