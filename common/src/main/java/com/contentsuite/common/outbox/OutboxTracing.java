package com.contentsuite.common.outbox;

import java.util.List;

/**
 * What the outbox asks of tracing: the trace context an append stores with its row, and
 * the span a delivery runs in. {@link #NONE} without Micrometer Tracing;
 * {@link MicrometerOutboxTracing} otherwise (docs/design.md, "Outbox").
 */
public interface OutboxTracing {

	/** No tracing: nothing stored, deliveries run as they are. */
	OutboxTracing NONE = new OutboxTracing() {

		@Override
		public String currentTraceParent() {
			return null;
		}

		@Override
		public void deliver(String topic, List<OutboxMessage> messages, Runnable call) {
			call.run();
		}

	};

	/**
	 * The W3C {@code traceparent} of the current span, or {@code null} when there is
	 * none.
	 */
	String currentTraceParent();

	/**
	 * Runs {@code call}, the handler's delivery of {@code messages}, recording one span
	 * per message in the trace that appended it.
	 */
	void deliver(String topic, List<OutboxMessage> messages, Runnable call);

}
