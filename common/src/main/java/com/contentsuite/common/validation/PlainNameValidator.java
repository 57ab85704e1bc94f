package com.contentsuite.common.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link PlainName}; public so that any Bean Validation provider can create it.
 */
public class PlainNameValidator implements ConstraintValidator<PlainName, String> {

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return value == null || value.codePoints().noneMatch(PlainNameValidator::isRefused);
	}

	static boolean isRefused(int c) {
		int type = Character.getType(c);
		return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
				|| (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
	}

}
