package com.contentsuite.common.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error codes a handler answers beyond those every route of its kind shares (bad
 * arguments, token errors, unknown records, dependencies down): {@code 1302} for an
 * action the target's blacklist forbids, {@code 20004} for a taken username. The API
 * documents list them per route (common's {@code openapi} package); docs/api.md gives
 * their rules.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ApiErrors {

	ErrorCode[] value() default {};

	/**
	 * Derived codes this handler never answers: {@code 1004} for a path variable whose
	 * absence is no error (undoing a follow that is not there is a success).
	 */
	ErrorCode[] except() default {};

}
