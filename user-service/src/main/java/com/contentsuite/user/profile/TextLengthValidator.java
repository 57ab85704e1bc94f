package com.contentsuite.user.profile;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link TextLength}; public so that any Bean Validation provider can create it.
 */
public class TextLengthValidator implements ConstraintValidator<TextLength, String> {

	private int min;

	private int max;

	private boolean allowBlank;

	@Override
	public void initialize(TextLength annotation) {
		this.min = annotation.min();
		this.max = annotation.max();
		this.allowBlank = annotation.allowBlank();
	}

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		int length = value.codePointCount(0, value.length());
		if (length < this.min || length > this.max) {
			return false;
		}
		if (!this.allowBlank && isBlank(value)) {
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate("must not be blank").addConstraintViolation();
			return false;
		}
		return true;
	}

	// Unlike String.isBlank this also counts Unicode spaces such as the ideographic
	// space (U+3000) as blank.
	private static boolean isBlank(String value) {
		return value.codePoints().allMatch((c) -> Character.isWhitespace(c) || Character.isSpaceChar(c));
	}

}
