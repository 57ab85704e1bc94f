package com.contentsuite.gateway.auth;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokenCacheTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private static final VerifiedUser ALICE = new VerifiedUser("7", "s1");

	private final MutableClock clock = new MutableClock(NOW);

	private final VerifiedTokenCache cache = new VerifiedTokenCache(2, Duration.ofMinutes(5), this.clock);

	private long inMinutes(int minutes) {
		return NOW.plus(Duration.ofMinutes(minutes)).toEpochMilli();
	}

	@Test
	void remembersAVerifiedTokenUnderTheSameKeySet() {
		this.cache.put("t1", ALICE, inMinutes(30), 1);

		assertThat(this.cache.get("t1", 1)).isEqualTo(ALICE);
		assertThat(this.cache.get("t2", 1)).isNull();
	}

	@Test
	void forgetsItOnceTheKeySetChanged() {
		this.cache.put("t1", ALICE, inMinutes(30), 1);

		assertThat(this.cache.get("t1", 2)).isNull();
	}

	@Test
	void forgetsItAtTheTokensExpiry() {
		this.cache.put("t1", ALICE, inMinutes(1), 1);

		this.clock.advance(Duration.ofSeconds(61));

		assertThat(this.cache.get("t1", 1)).isNull();
	}

	@Test
	void forgetsItAfterTheMaximumAgeEvenIfTheTokenLivesLonger() {
		this.cache.put("t1", ALICE, inMinutes(30), 1);

		this.clock.advance(Duration.ofMinutes(6));

		assertThat(this.cache.get("t1", 1)).isNull();
	}

	@Test
	void staysWithinItsSize() {
		this.cache.put("t1", ALICE, inMinutes(30), 1);
		this.cache.put("t2", ALICE, inMinutes(30), 1);
		this.cache.put("t3", ALICE, inMinutes(30), 1);

		assertThat(this.cache.get("t3", 1)).isEqualTo(ALICE);
		assertThat(this.cache.get("t1", 1)).isNull();
	}

}
