package com.contentsuite.passport.password;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTests {

	private final PasswordHasher hasher = new PasswordHasher(new PasswordProperties(4, 10_000));

	@Test
	void storesASaltedBcryptHashThatMatchesOnlyThePassword() {
		String hash = this.hasher.hash("quiet-harbor-lantern");
		assertThat(hash).startsWith("$2a$04$").isNotEqualTo(this.hasher.hash("quiet-harbor-lantern"));
		assertThat(this.hasher.matches("quiet-harbor-lantern", hash)).isTrue();
		assertThat(this.hasher.matches("quiet-harbor-lanterN", hash)).isFalse();
	}

	@Test
	void everyCharacterOfALongMultibytePasswordCounts() {
		String sixtyFourCjk = "月".repeat(63) + "光";
		String hash = this.hasher.hash(sixtyFourCjk);
		assertThat(this.hasher.matches(sixtyFourCjk, hash)).isTrue();
		assertThat(this.hasher.matches("月".repeat(64), hash)).as("differs only after byte 72").isFalse();
	}

	@Test
	void theDummyCheckOfAnUnknownAccountCompletes() {
		this.hasher.matchNothing("quiet-harbor-lantern");
		assertThat(PasswordHasher.prepare("short")).isEqualTo("short");
		assertThat(PasswordHasher.prepare("月".repeat(30))).startsWith("sha256:").hasSizeLessThan(72);
	}

}
