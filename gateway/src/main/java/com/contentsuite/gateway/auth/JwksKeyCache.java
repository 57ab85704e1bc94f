package com.contentsuite.gateway.auth;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.gateway.error.DependencyUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Passport's public keys, held in memory and looked up without blocking. A refresh is
 * shared by every request waiting for it and happens at most once per
 * {@code minRefetchInterval}, so clients sending made-up {@code kid}s cannot turn the
 * gateway into a load generator against passport.
 */
final class JwksKeyCache {

	private static final Logger log = LoggerFactory.getLogger(JwksKeyCache.class);

	private static final long NEVER = Long.MIN_VALUE;

	private final Supplier<Mono<Map<String, PublicKey>>> fetcher;

	private final long minIntervalMillis;

	private final long maxAgeMillis;

	private final Clock clock;

	private final AtomicReference<Mono<Void>> inFlight = new AtomicReference<>();

	private volatile Map<String, PublicKey> keys = Map.of();

	private volatile long version;

	private volatile long fetchedAt = NEVER;

	private volatile long lastAttempt = NEVER;

	private volatile boolean lastAttemptFailed;

	JwksKeyCache(Supplier<Mono<Map<String, PublicKey>>> fetcher, Duration minInterval, Duration maxAge, Clock clock) {
		this.fetcher = fetcher;
		this.minIntervalMillis = minInterval.toMillis();
		this.maxAgeMillis = maxAge.toMillis();
		this.clock = clock;
	}

	/** The key for {@code kid} among the keys held now, or {@code null}. */
	PublicKey get(String kid) {
		return this.keys.get(kid);
	}

	/**
	 * Changes whenever the key set is replaced, so results derived from old keys can be
	 * dropped.
	 */
	long version() {
		return this.version;
	}

	boolean isStale() {
		return this.fetchedAt != NEVER && this.clock.millis() - this.fetchedAt > this.maxAgeMillis;
	}

	/**
	 * Completes once the keys were refreshed, or at once when a refresh happened within
	 * the interval (with that refresh's failure, if it failed). Fails with 503 when
	 * passport cannot be reached.
	 */
	Mono<Void> refresh() {
		// A request arriving while a fetch runs waits for that fetch's keys.
		Mono<Void> running = this.inFlight.get();
		if (running != null) {
			return running;
		}
		if (this.lastAttempt != NEVER && this.clock.millis() - this.lastAttempt < this.minIntervalMillis) {
			return this.lastAttemptFailed ? Mono.error(unavailable()) : Mono.empty();
		}
		Mono<Void> fetch = Mono.defer(() -> {
			this.lastAttempt = this.clock.millis();
			return this.fetcher.get();
		})
			.doOnNext(this::replace)
			.doOnError(this::failed)
			.then()
			// Before the waiting requests hear of it: one of them could be answered, and
			// its client ask again, before a later clean-up ran, and that request would
			// rejoin this finished fetch instead of starting the one it needs.
			.doOnTerminate(() -> this.inFlight.set(null))
			.doFinally((signal) -> {
				if (signal == SignalType.CANCEL) {
					// Abandoned, not failed: let the next request try again at once.
					this.lastAttempt = NEVER;
					this.inFlight.set(null);
				}
			})
			.onErrorMap(DependencyUnavailableException::new)
			.cache();
		return this.inFlight.compareAndSet(null, fetch) ? fetch : refreshJoiningOther(fetch);
	}

	private Mono<Void> refreshJoiningOther(Mono<Void> own) {
		Mono<Void> other = this.inFlight.get();
		return (other != null) ? other : own;
	}

	private void replace(Map<String, PublicKey> fresh) {
		if (!fresh.equals(this.keys)) {
			this.keys = Map.copyOf(fresh);
			this.version++;
		}
		this.fetchedAt = this.clock.millis();
		this.lastAttemptFailed = false;
	}

	private void failed(Throwable ex) {
		this.lastAttemptFailed = true;
		// Once per attempt, and attempts are throttled: this cannot flood the log.
		log.warn("Could not fetch passport's JWK Set: {}", ex.toString());
	}

	private static ApiException unavailable() {
		return new DependencyUnavailableException(null);
	}

}
