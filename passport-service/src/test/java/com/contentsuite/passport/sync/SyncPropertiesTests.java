package com.contentsuite.passport.sync;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyncPropertiesTests {

	private final SyncProperties defaults = new SyncProperties(Duration.ofSeconds(1), Duration.ofSeconds(60),
			Duration.ofSeconds(1), Duration.ofSeconds(30), 50);

	@Test
	void theBackoffStartsAtOneSecondAndDoublesUpToSixty() {
		assertThat(this.defaults.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.defaults.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.defaults.backoffAfter(3)).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.defaults.backoffAfter(6)).isEqualTo(Duration.ofSeconds(32));
		assertThat(this.defaults.backoffAfter(7)).isEqualTo(Duration.ofSeconds(60));
		assertThat(this.defaults.backoffAfter(10_000)).as("retried for ever, never overflowing")
			.isEqualTo(Duration.ofSeconds(60));
	}

}
