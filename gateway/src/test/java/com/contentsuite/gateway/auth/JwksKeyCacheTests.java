package com.contentsuite.gateway.auth;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.contentsuite.common.web.ApiException;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwksKeyCacheTests {

	private static final PublicKey K1 = Jwts.SIG.RS256.keyPair().build().getPublic();

	private static final PublicKey K2 = Jwts.SIG.RS256.keyPair().build().getPublic();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final ScriptedFetcher fetcher = new ScriptedFetcher();

	private final JwksKeyCache cache = new JwksKeyCache(this.fetcher, Duration.ofSeconds(5), Duration.ofMinutes(10),
			this.clock);

	@Test
	void holdsNothingUntilTheFirstRefresh() {
		this.fetcher.answer(Map.of("k1", K1));
		assertThat(this.cache.get("k1")).isNull();

		this.cache.refresh().block();

		assertThat(this.cache.get("k1")).isSameAs(K1);
	}

	@Test
	void refetchesAtMostOncePerInterval() {
		this.fetcher.answer(Map.of("k1", K1));
		this.fetcher.answer(Map.of("k1", K1, "k2", K2));
		this.cache.refresh().block();

		this.clock.advance(Duration.ofSeconds(4));
		this.cache.refresh().block();
		assertThat(this.fetcher.calls()).isEqualTo(1);
		assertThat(this.cache.get("k2")).isNull();

		this.clock.advance(Duration.ofSeconds(2));
		this.cache.refresh().block();
		assertThat(this.fetcher.calls()).isEqualTo(2);
		assertThat(this.cache.get("k2")).isSameAs(K2);
	}

	@Test
	void aRefreshArrivingDuringAFetchWaitsForItsKeys() {
		Sinks.One<Map<String, PublicKey>> pending = Sinks.one();
		this.fetcher.answer(pending.asMono());
		this.cache.refresh().subscribe();
		AtomicBoolean secondDone = new AtomicBoolean();

		this.cache.refresh().subscribe(null, null, () -> secondDone.set(true));
		assertThat(secondDone).isFalse();
		pending.tryEmitValue(Map.of("k1", K1));

		assertThat(secondDone).isTrue();
		assertThat(this.fetcher.calls()).isEqualTo(1);
		assertThat(this.cache.get("k1")).isSameAs(K1);
	}

	// A request answered from a fetch can reach the gateway's client, and that client's
	// next request the gateway, before the fetch's own clean-up has run.
	@Test
	void aRefreshAskedForOnceAFetchCompletedStartsANewFetchRatherThanRejoiningTheOld() {
		JwksKeyCache eager = new JwksKeyCache(this.fetcher, Duration.ZERO, Duration.ofMinutes(10), this.clock);
		this.fetcher.answer(Map.of("k1", K1));
		this.fetcher.answer(Map.of("k1", K1, "k2", K2));
		AtomicReference<Mono<Void>> next = new AtomicReference<>();

		eager.refresh().doOnSuccess((done) -> next.set(eager.refresh())).block();
		next.get().block();

		assertThat(this.fetcher.calls()).isEqualTo(2);
		assertThat(eager.get("k2")).isSameAs(K2);
	}

	@Test
	void aFailedFetchIsUnavailableUntilTheIntervalPassesAndKeepsOldKeys() {
		this.fetcher.answer(Map.of("k1", K1));
		this.fetcher.fail();
		this.fetcher.answer(Map.of("k2", K2));
		this.cache.refresh().block();

		this.clock.advance(Duration.ofSeconds(6));
		assertThatThrownBy(() -> this.cache.refresh().block()).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.code().code()).isEqualTo(1006));
		assertThat(this.cache.get("k1")).isSameAs(K1);
		assertThatThrownBy(() -> this.cache.refresh().block()).isInstanceOf(ApiException.class);
		assertThat(this.fetcher.calls()).isEqualTo(2);

		this.clock.advance(Duration.ofSeconds(6));
		this.cache.refresh().block();
		assertThat(this.cache.get("k2")).isSameAs(K2);
	}

	@Test
	void keysOlderThanTheMaximumAgeAreStale() {
		this.fetcher.answer(Map.of("k1", K1));
		assertThat(this.cache.isStale()).isFalse();
		this.cache.refresh().block();

		this.clock.advance(Duration.ofMinutes(9));
		assertThat(this.cache.isStale()).isFalse();
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.cache.isStale()).isTrue();
	}

	private static final class ScriptedFetcher implements Supplier<Mono<Map<String, PublicKey>>> {

		private final Deque<Mono<Map<String, PublicKey>>> answers = new ArrayDeque<>();

		private final AtomicInteger calls = new AtomicInteger();

		void answer(Map<String, PublicKey> keys) {
			this.answers.add(Mono.just(keys));
		}

		void answer(Mono<Map<String, PublicKey>> keys) {
			this.answers.add(keys);
		}

		void fail() {
			this.answers.add(Mono.error(new IllegalStateException("connection refused")));
		}

		int calls() {
			return this.calls.get();
		}

		@Override
		public Mono<Map<String, PublicKey>> get() {
			this.calls.incrementAndGet();
			return this.answers.remove();
		}

	}

}
