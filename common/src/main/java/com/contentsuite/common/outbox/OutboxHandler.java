package com.contentsuite.common.outbox;

import java.util.List;

/**
 * Delivers the events of one topic: a bean of this type in a service with the outbox
 * makes the relay deliver that topic. Delivery is at least once: a call that timed out
 * after the receiver applied it is made again, with the same {@link OutboxMessage#eventId
 * event IDs}, so receivers must be idempotent.
 */
public interface OutboxHandler {

	/** The topic this handler delivers. */
	String topic();

	/**
	 * Delivers the messages, in the order given (ascending id, at most one per
	 * aggregate); returns normally only when the receiver accepted all of them. Any
	 * exception fails the whole batch, which is retried later; one that common's
	 * {@code DependencyFailures} classifies as {@code 1006} (refused, timed out, circuit
	 * open, 503) also tells the relay that the receiver is unavailable, so it stops
	 * calling it until the retry is due.
	 * @param messages one to {@link #batchSize()} messages
	 */
	void deliver(List<OutboxMessage> messages);

	/** The most messages one {@link #deliver} call takes. */
	default int batchSize() {
		return 1;
	}

}
