package com.contentsuite.common.idempotency;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param retention how long a first answer is replayed
 * @param inFlightTtl how long a claim of a request still running holds (longer than any
 * request's deadline, so a crashed instance frees its keys soon after)
 * @param waitForInFlight how long a repeat waits for the first call to finish before it
 * answers {@code 1003} "in progress"
 * @param pollInterval how often such a repeat looks again
 */
@Validated
@ConfigurationProperties("suite.idempotency")
public record IdempotencyProperties(@NotNull @DefaultValue("24h") Duration retention,
		@NotNull @DefaultValue("30s") Duration inFlightTtl, @NotNull @DefaultValue("5s") Duration waitForInFlight,
		@NotNull @DefaultValue("50ms") Duration pollInterval) {

}
