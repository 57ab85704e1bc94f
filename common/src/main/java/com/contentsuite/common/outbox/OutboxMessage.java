package com.contentsuite.common.outbox;

import java.time.Instant;

/**
 * One event as the relay hands it to its topic's {@link OutboxHandler}.
 *
 * @param id the row's id: grows with every append, so of two events of one aggregate the
 * later one has the higher id
 * @param topic what kind of event, which picks the handler
 * @param aggregateKey the thing the event is about; events of one key are delivered in
 * {@code id} order, each only after the one before it succeeded
 * @param payload the JSON the producer appended
 * @param createdAt when it was appended (the producer's clock)
 * @param attempts failed deliveries so far
 * @param eventId {@code <service>:<table>:<id>}, the same on every retry: a receiver that
 * may see a retry of a delivery it already applied recognises it by this ID (or by a
 * natural key of its own)
 * @param operationId the operationID of the request that appended it, or {@code null}
 * (appended outside a request, or before the outbox stored it)
 * @param traceParent the W3C {@code traceparent} of the span that appended it, or
 * {@code null}: the relay's delivery span continues that trace
 */
public record OutboxMessage(long id, String topic, String aggregateKey, String payload, Instant createdAt, int attempts,
		String eventId, String operationId, String traceParent) {

}
