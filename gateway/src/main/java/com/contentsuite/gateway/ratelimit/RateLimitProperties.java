package com.contentsuite.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-client-IP limits, keyed by a rule name that also names the Redis counter. A map,
 * not a list, so one field (say a limit) can be overridden alone from the environment.
 *
 * @param rules the limited requests
 */
@Validated
@ConfigurationProperties("gateway.rate-limit")
record RateLimitProperties(@NotNull @DefaultValue Map<String, @Valid @NotNull Rule> rules) {

	/**
	 * @param method the limited method
	 * @param path the limited path pattern
	 * @param limit requests allowed per window and client IP
	 * @param window the fixed window
	 */
	record Rule(@NotBlank String method, @NotBlank String path, @Min(1) int limit,
			@NotNull @DurationMin(seconds = 1) Duration window) {
	}

}
