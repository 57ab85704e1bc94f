package com.contentsuite.passport.sync;

import java.time.Duration;

import com.contentsuite.common.outbox.OutboxProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How passport's outbox delivers account events to user-service: passport's names
 * ({@code passport.sync.*}) for common's {@link OutboxProperties}, which
 * {@link SyncConfiguration} builds from them on the table {@code account_outbox}.
 *
 * @param initialBackoff wait after the first failed delivery; doubled after each further
 * failure
 * @param maxBackoff the longest wait between two attempts: an event reaches user-service
 * at most this long (plus the circuit breaker's open time) after it is back
 * @param pollInterval how often the relay looks for due events besides being woken by a
 * commit
 * @param lease how long a claimed event stays invisible to other instances while it is
 * being delivered (longer than a call can take)
 * @param batchSize events claimed at once
 */
@Validated
@ConfigurationProperties("passport.sync")
record SyncProperties(@NotNull @DefaultValue("1s") Duration initialBackoff,
		@NotNull @DefaultValue("4s") Duration maxBackoff, @NotNull @DefaultValue("1s") Duration pollInterval,
		@NotNull @DefaultValue("30s") Duration lease, @Min(1) @Max(500) @DefaultValue("50") int batchSize) {

	static final String TABLE = "account_outbox";

	/**
	 * Common's outbox settings with these values; retention and purge are common's
	 * defaults.
	 */
	OutboxProperties outbox() {
		return new OutboxProperties(true, TABLE, this.initialBackoff, this.maxBackoff, this.pollInterval, this.lease,
				this.batchSize, OutboxProperties.DEFAULT_RETENTION, OutboxProperties.DEFAULT_PURGE_INTERVAL);
	}

	/** The wait after the {@code attempts}-th failure in a row. */
	Duration backoffAfter(int attempts) {
		return outbox().backoffAfter(attempts);
	}

}
