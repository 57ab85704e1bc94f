package com.contentsuite.common.outbox;

import java.time.Clock;

import com.contentsuite.common.operation.OperationId;
import org.slf4j.MDC;
import tools.jackson.databind.ObjectMapper;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends an event to the service's outbox inside the transaction of the change it
 * records, so the change and its event commit or roll back together; once that
 * transaction commits, the {@link OutboxRelay} is woken to deliver it. The row keeps the
 * request's operationID and the current span's trace context, so the delivery is traced
 * as part of that request.
 */
public class Outbox {

	private final OutboxStore store;

	private final OutboxRelay relay;

	private final ObjectMapper json;

	private final Clock clock;

	private final OutboxTracing tracing;

	Outbox(OutboxStore store, OutboxRelay relay, ObjectMapper json, Clock clock, OutboxTracing tracing) {
		this.store = store;
		this.relay = relay;
		this.json = json;
		this.clock = clock;
		this.tracing = tracing;
	}

	/**
	 * Writes the event in the current transaction.
	 * @param topic picks the {@link OutboxHandler} that delivers it
	 * @param aggregateKey events of one key are delivered one after the other, in the
	 * order they were appended
	 * @param payload serialized as JSON
	 * @throws IllegalStateException when no transaction is active: an event written on
	 * its own could outlive a change that rolled back
	 */
	public void append(String topic, String aggregateKey, Object payload) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("an outbox event is written in the transaction of the change it records");
		}
		String operationId = MDC.get(OperationId.MDC_KEY);
		this.store.insert(topic, aggregateKey, this.json.writeValueAsString(payload), this.clock.instant(),
				OperationId.isValid(operationId) ? operationId : null, this.tracing.currentTraceParent());
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Outbox.this.relay.requestDrain();
			}
		});
	}

}
