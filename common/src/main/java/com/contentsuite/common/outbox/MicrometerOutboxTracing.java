package com.contentsuite.common.outbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.contentsuite.common.operation.OperationId;
import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Outbox tracing through Micrometer Tracing (docs/design.md, "Outbox").
 * <ul>
 * <li>An append stores the current span's context as a W3C {@code traceparent}.</li>
 * <li>A delivery records one span per message, {@code outbox deliver <topic>}, a child of
 * the stored context (so it sits in the trace of the request that appended it, and is
 * sampled as that request was), tagged with the message's operationID, topic, event ID
 * and attempt.</li>
 * <li>A message delivered alone: the handler's call runs in that span's scope with the
 * operationID as baggage, so its client span and the receiver's server span join the
 * trace and carry the tag too.</li>
 * <li>A batch of several messages is one call on behalf of several requests; no trace and
 * no operationID is the call's own. Each message still gets its delivery span (ended with
 * the call's outcome, tagged {@code outbox.batch_size}); the call itself runs under a
 * parent that is not sampled, so neither it nor anything it causes downstream records a
 * span without an operationID (or with the wrong one). A batch the receiver refuses is
 * retried one by one, and then each message is traced as one delivered alone.</li>
 * <li>A message stored without an operationID (appended outside a request, or before the
 * outbox stored it) is delivered under a parent that is not sampled as well.</li>
 * </ul>
 */
public final class MicrometerOutboxTracing implements OutboxTracing {

	static final String TRACEPARENT = "traceparent";

	private static final Propagator.Getter<Map<String, String>> GETTER = Map::get;

	private final Tracer tracer;

	private final Propagator propagator;

	public MicrometerOutboxTracing(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	@Override
	public String currentTraceParent() {
		Span span = this.tracer.currentSpan();
		if (span == null) {
			return null;
		}
		TraceContext context = span.context();
		String traceId = context.traceId();
		String spanId = context.spanId();
		if (traceId == null || spanId == null || spanId.length() != 16
				|| (traceId.length() != 32 && traceId.length() != 16)) {
			return null;
		}
		return "00-" + ((traceId.length() == 16) ? "0000000000000000" + traceId : traceId) + "-" + spanId + "-"
				+ (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
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
		Span span = start(topic, message, 1);
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span);
				BaggageInScope baggage = this.tracer.createBaggageInScope(OperationId.HEADER, message.operationId())) {
			call.run();
		}
		catch (RuntimeException ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

	private void deliverShared(String topic, List<OutboxMessage> messages, Runnable call) {
		List<Span> spans = new ArrayList<>(messages.size());
		for (OutboxMessage message : messages) {
			if (message.operationId() != null) {
				spans.add(start(topic, message, messages.size()));
			}
		}
		Span unsampled = unsampledSpan();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(unsampled)) {
			call.run();
		}
		catch (RuntimeException ex) {
			spans.forEach((span) -> span.error(ex));
			throw ex;
		}
		finally {
			unsampled.end();
			spans.forEach(Span::end);
		}
	}

	/** The delivery span of one message, a child of the context its append stored. */
	private Span start(String topic, OutboxMessage message, int batchSize) {
		Map<String, String> carrier = new HashMap<>();
		if (message.traceParent() != null) {
			carrier.put(TRACEPARENT, message.traceParent());
		}
		carrier.put(OperationId.HEADER, message.operationId());
		Span.Builder builder = this.propagator.extract(carrier, GETTER)
			.name("outbox deliver " + topic)
			.tag(OperationId.HEADER, message.operationId())
			.tag("outbox.topic", topic)
			.tag("outbox.event_id", message.eventId())
			.tag("outbox.attempt", message.attempts() + 1);
		if (batchSize > 1) {
			builder.tag("outbox.batch_size", batchSize);
		}
		return builder.start();
	}

	/**
	 * A span of a fresh trace that is not sampled: what runs in its scope records
	 * nothing, with a parent-based sampler (Boot's) in this process and downstream.
	 */
	private Span unsampledSpan() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String traceId = hex(random.nextLong() | 1) + hex(random.nextLong());
		String spanId = hex(random.nextLong() | 1);
		Map<String, String> carrier = Map.of(TRACEPARENT, "00-" + traceId + "-" + spanId + "-00");
		return this.propagator.extract(carrier, GETTER).name("outbox deliver shared").start();
	}

	private static String hex(long value) {
		String digits = Long.toHexString(value);
		return "0".repeat(16 - digits.length()) + digits;
	}

}
