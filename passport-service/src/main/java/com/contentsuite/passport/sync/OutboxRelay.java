package com.contentsuite.passport.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.DependencyFailures;
import com.contentsuite.common.web.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers outbox events to user-service until each succeeds. Events are claimed with
 * {@code FOR UPDATE SKIP LOCKED} and leased for a while, so several instances never
 * deliver one event at the same time, and the HTTP call runs outside any transaction. A
 * failure backs the event off exponentially (up to a few seconds, so an account reaches
 * user-service soon after it is back); it is marked delivered only after a 2xx. While the
 * target is unavailable, a drain stops at its first failed call and puts the rest of its
 * batch back until the same time, so a dead target sees one call per backoff, not one per
 * waiting event.
 */
@Component
class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final OutboxRepository events;

	private final UserServiceClient userService;

	private final TransactionTemplate transactions;

	private final SyncProperties properties;

	private final Clock clock;

	private final TaskScheduler scheduler;

	private final AtomicBoolean pending = new AtomicBoolean();

	private final AtomicBoolean running = new AtomicBoolean();

	OutboxRelay(OutboxRepository events, UserServiceClient userService, TransactionTemplate transactions,
			SyncProperties properties, Clock clock, TaskScheduler scheduler) {
		this.events = events;
		this.userService = userService;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
		this.scheduler = scheduler;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void onAppended(AccountOutbox.OutboxAppended event) {
		requestDrain();
	}

	/** Runs a drain soon, on the scheduler; requests made while one runs fold into it. */
	void requestDrain() {
		this.pending.set(true);
		if (this.running.compareAndSet(false, true)) {
			this.scheduler.schedule(this::drainWhilePending, this.clock.instant());
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
	boolean isIdle() {
		return !this.running.get() && !this.pending.get();
	}

	/** Delivers every event due now; answers how many were delivered. */
	int drainDue() {
		int delivered = 0;
		try {
			List<Claimed> batch;
			do {
				batch = claim();
				for (int i = 0; i < batch.size(); i++) {
					Outcome outcome = deliver(batch.get(i));
					if (outcome.targetUnavailable()) {
						postpone(batch.subList(i + 1, batch.size()), outcome.retryAt());
						return delivered;
					}
					delivered += outcome.delivered() ? 1 : 0;
				}
			}
			while (batch.size() == this.properties.batchSize());
		}
		catch (RuntimeException ex) {
			log.warn("Outbox relay could not read its events: {}", ex.toString());
		}
		return delivered;
	}

	private List<Claimed> claim() {
		return this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			List<OutboxEvent> due = this.events.lockDue(now, this.properties.batchSize());
			if (due.isEmpty()) {
				return List.of();
			}
			List<Claimed> claimed = due.stream()
				.map((e) -> new Claimed(e.getId(), e.getAttempts(), e.toBody()))
				.toList();
			this.events.lease(claimed.stream().map(Claimed::id).toList(), now.plus(this.properties.lease()));
			return claimed;
		});
	}

	private Outcome deliver(Claimed claimed) {
		try {
			this.userService.sync(claimed.body());
		}
		catch (RuntimeException ex) {
			int attempts = claimed.attempts() + 1;
			Duration wait = this.properties.backoffAfter(attempts);
			Instant next = this.clock.instant().plus(wait);
			this.transactions
				.executeWithoutResult((status) -> this.events.markFailed(claimed.id(), attempts, next, describe(ex)));
			log.warn("Account sync event {} failed (attempt {}), next try in {}: {}", claimed.id(), attempts, wait,
					describe(ex));
			return new Outcome(false, isUnavailable(ex), next);
		}
		this.transactions
			.executeWithoutResult((status) -> this.events.markDelivered(claimed.id(), this.clock.instant()));
		return new Outcome(true, false, null);
	}

	/** Gives claimed events back, due when the failed one is retried. */
	private void postpone(List<Claimed> rest, Instant next) {
		if (rest.isEmpty()) {
			return;
		}
		this.transactions
			.executeWithoutResult((status) -> this.events.postpone(rest.stream().map(Claimed::id).toList(), next));
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

	/** One delivery: done, or failed and retried at {@code retryAt}. */
	private record Outcome(boolean delivered, boolean targetUnavailable, Instant retryAt) {
	}

	private record Claimed(long id, int attempts, AccountSyncBody body) {
	}

}
