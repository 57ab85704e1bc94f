package com.contentsuite.gateway;

import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;

import org.springframework.boot.test.context.TestConfiguration;

/**
 * The spans the gateway under test ended (the latest thousand), as its exporter would see
 * them: a span processor beside Boot's. Only sampled requests (a client
 * {@code traceparent} ending in {@code -01}) are certain to be recorded.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordedSpans implements SpanProcessor {

	private static final int KEPT = 1000;

	private final Deque<SpanData> ended = new ConcurrentLinkedDeque<>();

	@Override
	public void onStart(Context parentContext, ReadWriteSpan span) {
	}

	@Override
	public boolean isStartRequired() {
		return false;
	}

	@Override
	public void onEnd(ReadableSpan span) {
		this.ended.addLast(span.toSpanData());
		while (this.ended.size() > KEPT) {
			this.ended.pollFirst();
		}
	}

	@Override
	public boolean isEndRequired() {
		return true;
	}

	/** The ended spans of one trace. */
	List<SpanData> ofTrace(String traceId) {
		return this.ended.stream().filter((span) -> span.getTraceId().equals(traceId)).toList();
	}

}
