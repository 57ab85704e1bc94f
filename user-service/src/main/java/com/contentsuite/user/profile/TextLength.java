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
 * database's utf8mb4 columns count them, so an emoji or a CJK character outside the Basic
 * Multilingual Plane is one character, not two UTF-16 units), and optionally not blank.
 * {@code null} is valid: the field was not sent. Use it, never {@code @Size}, for any
 * text bound for a {@code VARCHAR} column; public so that features built on the profile
 * core (the account sync) check lengths the same way.
 */
@Documented
@Constraint(validatedBy = TextLengthValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface TextLength {

	int min() default 0;

	int max();

	boolean allowBlank() default true;

	String message() default "must be {min}-{max} characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
