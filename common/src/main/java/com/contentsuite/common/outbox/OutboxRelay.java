package com.contentsuite.common.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.contentsuite.common.operation.OperationId;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.DependencyFailures;
import com.contentsuite.common.web.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers outbox events to their topic's {@link OutboxHandler} until each succeeds.
 *
 * <ul>
 * <li>Events are claimed with {@code FOR UPDATE SKIP LOCKED} and leased for a while, so
 * several instances never deliver one event at the same time, and the handler's call runs
 * outside any transaction.</li>
 * <li>Only the oldest undelivered event of an aggregate is claimed, so the events of one
 * aggregate arrive in the order they were appended, each after the one before it
 * succeeded; a failing event holds back its aggregate's later ones, no others.</li>
 * <li>A failure backs the event off exponentially (capped, so an event reaches its
 * receiver soon after it is back); an event is marked delivered only when the handler
 * returned. While a receiver is unavailable, a drain stops calling it at its first failed
 * call and puts that topic's rest back until the same time, so a dead receiver sees one
 * call per backoff, not one per waiting event.</li>
 * <li>Delivered rows are purged after the retention period.</li>
 * <li>Each delivery is traced in the trace of the request that appended the event
 * ({@link OutboxTracing}, {@link MicrometerOutboxTracing} has the rules).</li>
 * </ul>
 * Drains run on the relay's own thread: woken after each commit that appended, and every
 * poll interval.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final int PURGE_CHUNK = 1000;

	private final OutboxStore store;

	private final Map<String, OutboxHandler> handlers;

	private final TransactionTemplate transactions;

	private final OutboxProperties properties;

	private final Clock clock;

	private final OutboxMetrics metrics;

	private final OutboxTracing tracing;

	private final AtomicBoolean pending = new AtomicBoolean();

	private final AtomicBoolean running = new AtomicBoolean();

	private volatile ThreadPoolTaskScheduler scheduler;

	OutboxRelay(OutboxStore store, List<OutboxHandler> handlers, TransactionTemplate transactions,
			OutboxProperties properties, Clock clock, OutboxMetrics metrics, OutboxTracing tracing) {
		this.store = store;
		this.handlers = new HashMap<>();
		for (OutboxHandler handler : handlers) {
			if (this.handlers.put(handler.topic(), handler) != null) {
				throw new IllegalStateException("two outbox handlers for topic " + handler.topic());
			}
		}
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
		this.metrics = metrics;
		this.tracing = tracing;
	}

	/**
	 * Before the web server starts (its phase is {@code DEFAULT_PHASE - 2048}), so the
	 * table exists before any request can append to it.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	/**
	 * Creates the table when it is missing (after Flyway ran) and adds the columns an
	 * older table lacks, then starts delivering.
	 */
	@Override
	public void start() {
		if (this.scheduler != null) {
			return;
		}
		this.store.createTableIfMissing();
		this.store.addTraceColumnsIfMissing();
		if (!this.properties.enabled()) {
			return;
		}
		ThreadPoolTaskScheduler started = new ThreadPoolTaskScheduler();
		started.setPoolSize(1);
		started.setThreadNamePrefix("outbox-" + this.store.table() + "-");
		started.setWaitForTasksToCompleteOnShutdown(false);
		started.initialize();
		started.scheduleWithFixedDelay(this::requestDrain, this.properties.pollInterval());
		started.scheduleWithFixedDelay(this::purgeDelivered, this.clock.instant().plus(this.properties.purgeInterval()),
				this.properties.purgeInterval());
		this.scheduler = started;
	}

	@Override
	public void stop() {
		ThreadPoolTaskScheduler stopped = this.scheduler;
		this.scheduler = null;
		if (stopped != null) {
			stopped.shutdown();
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	/**
	 * Runs a drain soon, on the relay's thread; requests made while one runs fold into
	 * it.
	 */
	public void requestDrain() {
		ThreadPoolTaskScheduler current = this.scheduler;
		if (current == null) {
			return;
		}
		this.pending.set(true);
		if (this.running.compareAndSet(false, true)) {
			try {
				current.execute(this::drainWhilePending);
			}
			catch (RuntimeException ex) {
				// Shut down meanwhile: the next start polls.
				this.running.set(false);
			}
		}
	}

	private void drainWhilePending() {
		try {
			while (this.pending.getAndSet(false)) {
				drainDue();
			}
		}
		finally {
			this.running.set(false);
		}
		if (this.pending.get()) {
			requestDrain();
		}
	}

	/** No drain runs or waits to run (for tests that drive drains themselves). */
	public boolean isIdle() {
		return !this.running.get() && !this.pending.get();
	}

	/** Delivers every event due now, in as many claims as it takes; answers how many. */
	public int drainDue() {
		int delivered = 0;
		Map<String, Instant> unavailableUntil = new HashMap<>();
		try {
			List<OutboxMessage> batch;
			while (!(batch = claim()).isEmpty()) {
				int before = delivered;
				for (Map.Entry<String, List<OutboxMessage>> topic : byTopic(batch).entrySet()) {
					delivered += deliverTopic(topic.getKey(), topic.getValue(), unavailableUntil);
				}
				if (delivered == before && batch.size() < this.properties.batchSize()) {
					// Nothing went through and nothing more waits: what failed is backed
					// off, so the next claim would come back empty anyway.
					break;
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Outbox relay of {} could not read its events: {}", this.store.table(), ex.toString());
		}
		return delivered;
	}

	private int deliverTopic(String topic, List<OutboxMessage> messages, Map<String, Instant> unavailableUntil) {
		Instant down = unavailableUntil.get(topic);
		if (down != null) {
			postpone(messages, down);
			return 0;
		}
		OutboxHandler handler = this.handlers.get(topic);
		return deliverChunks(handler, topic, messages, (handler != null) ? handler.batchSize() : 1, unavailableUntil);
	}

	/**
	 * Delivers in chunks of {@code size}. A chunk of several that the receiver refused
	 * (not: was unavailable for) is tried again one by one, so one event it cannot take
	 * does not hold back the others.
	 */
	private int deliverChunks(OutboxHandler handler, String topic, List<OutboxMessage> messages, int size,
			Map<String, Instant> unavailableUntil) {
		int delivered = 0;
		for (int from = 0; from < messages.size(); from += size) {
			List<OutboxMessage> chunk = messages.subList(from, Math.min(from + size, messages.size()));
			List<OutboxMessage> rest = messages.subList(from + chunk.size(), messages.size());
			Result result = deliver(handler, topic, chunk);
			if (result.outcome() == Outcome.DELIVERED) {
				delivered += chunk.size();
			}
			else if (result.outcome() == Outcome.REFUSED_BATCH) {
				delivered += deliverChunks(handler, topic, chunk, 1, unavailableUntil);
				if (unavailableUntil.containsKey(topic)) {
					postpone(rest, unavailableUntil.get(topic));
					return delivered;
				}
			}
			else if (result.outcome() == Outcome.UNAVAILABLE) {
				unavailableUntil.put(topic, result.retryAt());
				postpone(rest, result.retryAt());
				return delivered;
			}
		}
		return delivered;
	}

	private List<OutboxMessage> claim() {
		List<OutboxMessage> claimed = this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			List<OutboxMessage> due = this.store.lockDue(now, this.properties.batchSize());
			if (!due.isEmpty()) {
				this.store.lease(ids(due), now.plus(this.properties.lease()));
			}
			return due;
		});
		return (claimed != null) ? claimed : List.of();
	}

	/** Delivers one chunk; a failed single event is backed off. */
	private Result deliver(OutboxHandler handler, String topic, List<OutboxMessage> chunk) {
		try {
			if (handler == null) {
				throw new IllegalStateException("no outbox handler for topic " + topic);
			}
			call(handler, topic, chunk);
		}
		catch (RuntimeException ex) {
			boolean unavailable = isUnavailable(ex);
			String error = describe(ex);
			if (!unavailable && chunk.size() > 1) {
				log.warn("Outbox {} batch of {} from event {} refused, trying them one by one: {}", topic, chunk.size(),
						chunk.get(0).eventId(), error);
				return new Result(Outcome.REFUSED_BATCH, null);
			}
			Instant last = null;
			for (OutboxMessage message : chunk) {
				int attempts = message.attempts() + 1;
				Instant next = this.clock.instant().plus(this.properties.backoffAfter(attempts));
				this.transactions
					.executeWithoutResult((status) -> this.store.markFailed(message.id(), attempts, next, error));
				last = next;
			}
			this.metrics.failed(topic, chunk.size());
			log.warn("Outbox {} event {} ({} in the call) failed (attempt {}), retried from {}: {}", topic,
					chunk.get(0).eventId(), chunk.size(), chunk.get(0).attempts() + 1, last, error);
			return new Result(unavailable ? Outcome.UNAVAILABLE : Outcome.FAILED, last);
		}
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult((status) -> this.store.markDelivered(ids(chunk), now));
		this.metrics.delivered(topic, chunk, now);
		return new Result(Outcome.DELIVERED, null);
	}

	/**
	 * The handler's call, traced ({@link OutboxTracing}): a message delivered alone runs
	 * with its request's operationID in the MDC too, so the call carries it on (common's
	 * Feign interceptor sends the MDC's) and the logs show it. A batch of several runs
	 * without one: the call is no one request's.
	 */
	private void call(OutboxHandler handler, String topic, List<OutboxMessage> chunk) {
		String operationId = (chunk.size() == 1) ? chunk.get(0).operationId() : null;
		if (operationId == null) {
			this.tracing.deliver(topic, chunk, () -> handler.deliver(chunk));
			return;
		}
		try (MDC.MDCCloseable ignored = MDC.putCloseable(OperationId.MDC_KEY, operationId)) {
			this.tracing.deliver(topic, chunk, () -> handler.deliver(chunk));
		}
	}

	private enum Outcome {

		DELIVERED, FAILED, UNAVAILABLE, REFUSED_BATCH

	}

	private record Result(Outcome outcome, Instant retryAt) {
	}

	/** Gives claimed events back, due when the failed one is retried. */
	private void postpone(List<OutboxMessage> rest, Instant next) {
		if (!rest.isEmpty()) {
			this.transactions.executeWithoutResult((status) -> this.store.postpone(ids(rest), next));
		}
	}

	/** Deletes the rows delivered longer ago than the retention; answers how many. */
	public int purgeDelivered() {
		Instant before = this.clock.instant().minus(this.properties.retention());
		int purged = 0;
		try {
			int chunk;
			do {
				chunk = this.store.purge(before, PURGE_CHUNK);
				purged += chunk;
			}
			while (chunk == PURGE_CHUNK);
		}
		catch (RuntimeException ex) {
			log.warn("Outbox purge of {} failed: {}", this.store.table(), ex.toString());
		}
		return purged;
	}

	private static Map<String, List<OutboxMessage>> byTopic(List<OutboxMessage> batch) {
		Map<String, List<OutboxMessage>> topics = new LinkedHashMap<>();
		for (OutboxMessage message : batch) {
			topics.computeIfAbsent(message.topic(), (t) -> new ArrayList<>()).add(message);
		}
		return topics;
	}

	private static List<Long> ids(List<OutboxMessage> messages) {
		return messages.stream().map(OutboxMessage::id).toList();
	}

	private static boolean isUnavailable(RuntimeException ex) {
		ApiException known = DependencyFailures.classify(ex);
		return known != null && known.code() == ErrorCode.SERVICE_UNAVAILABLE;
	}

	private static String describe(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String text = root.getClass().getSimpleName() + ": " + root.getMessage();
		return (text.length() > 255) ? text.substring(0, 255) : text;
	}

}
