package com.contentsuite.user.profile;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A text of {@code min}-{@code max} characters counted as Unicode code points (as the
 * database's utf8mb4 columns count them, so an emoji is one character, not two), and
 * optionally not blank. {@code null} is valid: the field was not sent.
 */
@Documented
@Constraint(validatedBy = TextLengthValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@interface TextLength {

	int min() default 0;

	int max();

	boolean allowBlank() default true;

	String message() default "must be {min}-{max} characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
