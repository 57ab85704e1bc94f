package com.contentsuite.gateway.operation;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Requests that may omit {@code operationID} (API.md section 1): the gateway mints one
 * for them. Everything else without one is refused.
 *
 * @param optional the requests that may omit it
 */
@Validated
@ConfigurationProperties("gateway.operation-id")
record OperationIdProperties(@NotNull List<@Valid @NotNull Route> optional) {

	/**
	 * @param path a path pattern
	 * @param methods the methods it applies to (empty: all)
	 */
	record Route(@NotBlank String path, Set<String> methods) {
	}

}
