package com.contentsuite.common.outbox;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service's outbox stores and delivers its events ({@code suite.outbox.*}). A
 * service may instead declare an {@code OutboxProperties} bean of its own (passport
 * derives it from its {@code passport.sync.*}). Checked when built: a bad value stops the
 * start.
 *
 * @param enabled whether the relay runs at all (appends are still written)
 * @param table the table, created at start when missing (letters, digits, underscores)
 * @param initialBackoff the wait after the first failed delivery; doubled after each
 * further failure
 * @param maxBackoff the longest wait between two attempts: an event reaches its receiver
 * at most this long (plus a circuit breaker's open time) after the receiver is back
 * @param pollInterval how often the relay looks for due events besides being woken by a
 * commit (retries come due with time; another instance may have written the event)
 * @param lease how long a claimed event stays invisible to other instances while it is
 * being delivered (longer than a delivery can take)
 * @param batchSize events claimed at once
 * @param retention how long delivered rows are kept before the purge deletes them
 * @param purgeInterval how often the purge runs
 */
public record OutboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue("outbox_event") String table,
		@DefaultValue("1s") Duration initialBackoff, @DefaultValue("4s") Duration maxBackoff,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("30s") Duration lease,
		@DefaultValue("50") int batchSize, @DefaultValue("3d") Duration retention,
		@DefaultValue("1h") Duration purgeInterval) {

	/** The default of {@code retention}, for services that build their own properties. */
	public static final Duration DEFAULT_RETENTION = Duration.ofDays(3);

	/** The default of {@code purgeInterval}. */
	public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofHours(1);

	private static final Pattern TABLE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

	public OutboxProperties {
		if (table == null || !TABLE.matcher(table).matches()) {
			throw new IllegalArgumentException("suite.outbox.table must be a plain table name, not " + table);
		}
		positive("initial-backoff", initialBackoff);
		positive("max-backoff", maxBackoff);
		positive("poll-interval", pollInterval);
		positive("lease", lease);
		positive("retention", retention);
		positive("purge-interval", purgeInterval);
		if (maxBackoff.compareTo(initialBackoff) < 0) {
			throw new IllegalArgumentException("suite.outbox.max-backoff must not be shorter than initial-backoff");
		}
		if (batchSize < 1 || batchSize > 500) {
			throw new IllegalArgumentException("suite.outbox.batch-size must be 1-500, not " + batchSize);
		}
	}

	/** The wait after the {@code attempts}-th failure in a row: retried for ever. */
	public Duration backoffAfter(int attempts) {
		int doublings = Math.min(Math.max(attempts - 1, 0), 30);
		Duration wait = this.initialBackoff.multipliedBy(1L << doublings);
		return (wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait;
	}

	private static void positive(String name, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("suite.outbox." + name + " must be a positive duration");
		}
	}

}
