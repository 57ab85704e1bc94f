package com.contentsuite.common.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that honours the {@code Idempotency-Key} header (docs/api.md section
 * 4): a repeat with the same key by the same caller within the retention answers what the
 * first call answered and does nothing; the same key with another request is
 * {@code 1003}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Idempotent {

}
