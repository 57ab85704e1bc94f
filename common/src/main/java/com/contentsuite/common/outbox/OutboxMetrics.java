package com.contentsuite.common.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The outbox's meters, tagged with the table: {@code outbox.pending} (undelivered
 * events), {@code outbox.oldest.age} (seconds the oldest undelivered event has waited; 0
 * when none), {@code outbox.deliveries} (events delivered or failed, by {@code topic} and
 * {@code outcome}) and {@code outbox.delivery.delay} (append to delivery, by
 * {@code topic}). The gauges read the table when scraped; a failed read is {@code NaN}.
 */
class OutboxMetrics implements MeterBinder {

	private final OutboxStore store;

	private final Clock clock;

	private volatile MeterRegistry registry;

	OutboxMetrics(OutboxStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		Gauge.builder("outbox.pending", this, OutboxMetrics::pending)
			.tag("table", this.store.table())
			.description("outbox events not delivered yet")
			.register(registry);
		Gauge.builder("outbox.oldest.age", this, OutboxMetrics::oldestAge)
			.tag("table", this.store.table())
			.baseUnit("seconds")
			.description("how long the oldest undelivered outbox event has waited")
			.register(registry);
	}

	void delivered(String topic, List<OutboxMessage> messages, Instant now) {
		MeterRegistry current = this.registry;
		if (current == null) {
			return;
		}
		counter(current, topic, "delivered").increment(messages.size());
		Timer delay = Timer.builder("outbox.delivery.delay")
			.tags("table", this.store.table(), "topic", topic)
			.description("time from an event's append to its delivery")
			.publishPercentileHistogram()
			.register(current);
		for (OutboxMessage message : messages) {
			delay.record(Duration.between(message.createdAt(), now));
		}
	}

	void failed(String topic, int count) {
		MeterRegistry current = this.registry;
		if (current != null) {
			counter(current, topic, "failed").increment(count);
		}
	}

	private Counter counter(MeterRegistry registry, String topic, String outcome) {
		return Counter.builder("outbox.deliveries")
			.tags("table", this.store.table(), "topic", topic, "outcome", outcome)
			.description("outbox events delivered or failed")
			.register(registry);
	}

	private double pending() {
		try {
			return this.store.pending();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	private double oldestAge() {
		try {
			Instant oldest = this.store.oldestPending();
			return (oldest == null) ? 0
					: Math.max(0, Duration.between(oldest, this.clock.instant()).toMillis() / 1000.0);
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
