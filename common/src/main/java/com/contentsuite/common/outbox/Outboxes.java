package com.contentsuite.common.outbox;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.binder.MeterBinder;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds one outbox's parts on one table, so they share its store: the auto-configuration
 * exposes them as beans. The relay's transactions are READ COMMITTED: the claim's
 * {@code FOR UPDATE} then takes no gap locks that would hold up the appends of concurrent
 * requests.
 */
public final class Outboxes {

	private final OutboxStore store;

	private final OutboxRelay relay;

	private final Outbox outbox;

	private final OutboxMetrics metrics;

	public Outboxes(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, List<OutboxHandler> handlers,
			OutboxProperties properties, ObjectMapper json, Clock clock, String service, OutboxTracing tracing) {
		this.store = new OutboxStore(jdbc, properties.table(), service);
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.metrics = new OutboxMetrics(this.store, clock);
		this.relay = new OutboxRelay(this.store, handlers, transactions, properties, clock, this.metrics, tracing);
		this.outbox = new Outbox(this.store, this.relay, json, clock, tracing);
	}

	public Outbox outbox() {
		return this.outbox;
	}

	public OutboxRelay relay() {
		return this.relay;
	}

	/** The meters; only call with Micrometer on the class path. */
	public MeterBinder metrics() {
		return this.metrics;
	}

}
