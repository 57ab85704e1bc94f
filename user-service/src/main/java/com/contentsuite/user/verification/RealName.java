package com.contentsuite.user.verification;

import java.text.Normalizer;

import com.contentsuite.common.web.ApiException;

/**
 * Rules for the name on an identity card. The value is NFC-normalised and stripped of
 * surrounding white space; it then has 2-30 code points, each a letter (Unicode category
 * L: Han characters, including those outside the BMP, and other scripts' letters) or the
 * middle dot {@code ·} (U+00B7) that separates the parts of transliterated names
 * ({@code 阿依古丽·买买提}). A dot may not start or end the name or follow another dot. Spaces,
 * digits and other punctuation are refused. Error details name the field, never the
 * value.
 */
final class RealName {

	static final int MIN_LENGTH = 2;

	static final int MAX_LENGTH = 30;

	static final int MIDDLE_DOT = 0x00B7;

	private RealName() {
	}

	static String normalise(String raw) {
		if (raw == null || raw.isBlank()) {
			throw ApiException.args("realName is required");
		}
		String name = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
		int[] codePoints = name.codePoints().toArray();
		if (codePoints.length < MIN_LENGTH || codePoints.length > MAX_LENGTH) {
			throw ApiException.args("realName must be 2-30 characters");
		}
		for (int i = 0; i < codePoints.length; i++) {
			int c = codePoints[i];
			if (c == MIDDLE_DOT) {
				if (i == 0 || i == codePoints.length - 1 || codePoints[i - 1] == MIDDLE_DOT) {
					throw ApiException.args("realName has a misplaced middle dot");
				}
			}
			else if (!Character.isLetter(c)) {
				throw ApiException.args("realName may only hold letters and the middle dot");
			}
		}
		return name;
	}

	/**
	 * The first character and one {@code *} for every further code point: {@code 张*},
	 * {@code 欧***}.
	 */
	static String mask(String name) {
		int first = name.codePointAt(0);
		int rest = name.codePointCount(0, name.length()) - 1;
		return new StringBuilder().appendCodePoint(first).append("*".repeat(rest)).toString();
	}

}
