package com.contentsuite.common.operation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler whose route may omit {@code operationID} at the gateway (an
 * {@code <img>} tag cannot send headers), so its API document does not ask for one. The
 * gateway's route table ({@code OperationId=optional}) is what enforces it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OperationIdOptional {

}
