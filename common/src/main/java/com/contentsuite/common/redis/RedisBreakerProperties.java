package com.contentsuite.common.redis;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When Redis counts as down for this process: of the last {@code slidingWindow} commands
 * at least {@code minimumCalls} ran and {@code failureRatePercent} of them failed to get
 * an answer (timed out or could not be sent). While it is open, no command is sent and
 * callers fail at once; after {@code openDuration} a few commands probe it again.
 *
 * @param failureRatePercent failure share that opens the circuit
 * @param minimumCalls commands needed before the rate counts
 * @param slidingWindow commands the rate is computed over
 * @param openDuration how long nothing is sent once open
 */
@Validated
@ConfigurationProperties("suite.redis.breaker")
public record RedisBreakerProperties(@Min(1) @Max(100) @DefaultValue("50") int failureRatePercent,
		@Min(1) @DefaultValue("5") int minimumCalls, @Min(1) @DefaultValue("10") int slidingWindow,
		@NotNull @DefaultValue("3s") Duration openDuration) {

}
