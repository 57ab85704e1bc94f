package com.contentsuite.common.outbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.contentsuite.common.operation.OperationId;
import com.contentsuite.common.operation.OperationIdObservationFilter;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Outbox tracing through Micrometer Tracing (docs/design.md, "Outbox").
 * <ul>
 * <li>An append stores the current span's context as a W3C {@code traceparent}.</li>
 * <li>A message delivered alone: the handler's call runs in an observation
 * {@code outbox.deliver} (span {@code outbox deliver <topic>}) that continues the stored
 * context as a consumer continues a message's (so it sits in the trace of the request
 * that appended it, and is sampled as that request was), tagged with the message's
 * operationID, event ID and attempt, with the operationID as baggage. The observations
 * the call makes (circuit breaker, Feign client, on whatever thread) are its children and
 * inherit the tag, and the receiver continues the trace.</li>
 * <li>A batch of several messages is one call on behalf of several requests; no trace and
 * no operationID is the call's own. Each message still gets its span
 * {@code outbox deliver <topic>} in its own trace (ended with the call's outcome, tagged
 * {@code outbox.batch_size}); the call runs in an observation whose trace is not sampled,
 * so neither it nor anything it causes downstream records a span without an operationID
 * (or with the wrong one). A batch the receiver refuses is retried one by one, and then
 * each message is traced as one delivered alone.</li>
 * <li>A message stored without an operationID (appended outside a request, or before the
 * outbox stored it) is delivered in an unsampled observation as well.</li>
 * </ul>
 * The observation also times the calls ({@code outbox.deliver}, by {@code topic}).
 */
public final class MicrometerOutboxTracing implements OutboxTracing {

	static final String TRACEPARENT = "traceparent";

	static final String OBSERVATION = "outbox.deliver";

	private static final Propagator.Getter<Map<String, String>> GETTER = Map::get;

	private static final io.micrometer.observation.transport.Propagator.Getter<Map<String, String>> RECEIVED = Map::get;

	private final Tracer tracer;

	private final Propagator propagator;

	private final ObservationRegistry observations;

	public MicrometerOutboxTracing(Tracer tracer, Propagator propagator, ObservationRegistry observations) {
		this.tracer = tracer;
		this.propagator = propagator;
		this.observations = observations;
	}

	/**
	 * What the process's propagator writes for the current span (the one that sends trace
	 * context on every sibling call), of which the row keeps the W3C {@code traceparent}.
	 */
	@Override
	public String currentTraceParent() {
		Span span = this.tracer.currentSpan();
		if (span == null) {
			return null;
		}
		Map<String, String> headers = new HashMap<>();
		this.propagator.inject(span.context(), headers, Map::put);
		return headers.get(TRACEPARENT);
	}

	@Override
	public void deliver(String topic, List<OutboxMessage> messages, Runnable call) {
		if (messages.size() == 1 && messages.get(0).operationId() != null) {
			deliverAlone(topic, messages.get(0), call);
		}
		else {
			deliverShared(topic, messages, call);
		}
	}

	private void deliverAlone(String topic, OutboxMessage message, Runnable call) {
		observation(topic, carrier(message))
			.highCardinalityKeyValue(OperationIdObservationFilter.KEY, message.operationId())
			.highCardinalityKeyValue("outbox.event_id", message.eventId())
			.highCardinalityKeyValue("outbox.attempt", String.valueOf(message.attempts() + 1))
			.observe(() -> {
				try (BaggageInScope baggage = this.tracer.createBaggageInScope(OperationId.HEADER,
						message.operationId())) {
					call.run();
				}
			});
	}

	private void deliverShared(String topic, List<OutboxMessage> messages, Runnable call) {
		List<Span> spans = new ArrayList<>(messages.size());
		for (OutboxMessage message : messages) {
			if (message.operationId() != null) {
				spans.add(span(topic, message, messages.size()));
			}
		}
		try {
			observation(topic, Map.of(TRACEPARENT, unsampledTraceParent())).observe(call);
		}
		catch (RuntimeException ex) {
			spans.forEach((span) -> span.error(ex));
			throw ex;
		}
		finally {
			spans.forEach(Span::end);
		}
	}

	/** The delivery observation, continuing the trace context in {@code carrier}. */
	private Observation observation(String topic, Map<String, String> carrier) {
		ReceiverContext<Map<String, String>> context = new ReceiverContext<>(RECEIVED);
		context.setCarrier(carrier);
		return Observation.createNotStarted(OBSERVATION, () -> context, this.observations)
			.contextualName("outbox deliver " + topic)
			.lowCardinalityKeyValue("topic", topic);
	}

	/**
	 * The span of one message of a batch, a child of the context its append stored.
	 */
	private Span span(String topic, OutboxMessage message, int batchSize) {
		return this.propagator.extract(carrier(message), GETTER)
			.name("outbox deliver " + topic)
			.kind(Span.Kind.CONSUMER)
			.tag(OperationIdObservationFilter.KEY, message.operationId())
			.tag("topic", topic)
			.tag("outbox.event_id", message.eventId())
			.tag("outbox.attempt", String.valueOf(message.attempts() + 1))
			.tag("outbox.batch_size", batchSize)
			.start();
	}

	/** What a delivery continues: the stored trace context and the operationID. */
	private static Map<String, String> carrier(OutboxMessage message) {
		Map<String, String> carrier = new HashMap<>();
		if (message.traceParent() != null) {
			carrier.put(TRACEPARENT, message.traceParent());
		}
		carrier.put(OperationId.HEADER, message.operationId());
		return carrier;
	}

	/**
	 * A fresh trace that is not sampled: what continues it records nothing, with a
	 * parent-based sampler (Boot's) in this process and downstream.
	 */
	private static String unsampledTraceParent() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "00-" + hex(random.nextLong() | 1) + hex(random.nextLong()) + "-" + hex(random.nextLong() | 1) + "-00";
	}

	private static String hex(long value) {
		String digits = Long.toHexString(value);
		return "0".repeat(16 - digits.length()) + digits;
	}

}
