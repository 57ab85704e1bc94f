package com.contentsuite.common.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A name shown beside other people's content (a nickname): no control characters (C0,
 * DEL, C1), no line or paragraph separators, and no bidirectional embeddings, overrides
 * or isolates (U+202A-U+202E, U+2066-U+2069), which can make a name display as another
 * name or reorder the text around it. Free text (a signature, an article) may hold them:
 * right-to-left writing uses them legitimately. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = PlainNameValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainName {

	String message() default "must not contain control or bidirectional formatting characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
