package com.contentsuite.common.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InternalAuthTests {

	private static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";

	private static final Instant NOW = Instant.parse("2026-11-21T08:15:30.123Z");

	private final InternalAuth gateway = new InternalAuth(SECRET, 60_000, "gateway", Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void verifiesItsOwnSignatureAndNamesTheCaller() {
		String header = this.gateway.sign("GET", "/users/me", "7", "op-1");
		assertThat(header).startsWith("v1:gateway:");
		assertThat(this.gateway.verify(header, "GET", "/users/me", "7", "op-1")).isEqualTo("gateway");
	}

	@Test
	void aSiblingWithTheSameSecretVerifiesAndIsNamed() {
		InternalAuth passport = new InternalAuth(SECRET, 60_000, "passport-service", Clock.fixed(NOW, ZoneOffset.UTC));
		String header = passport.sign("POST", "/internal/users/sync", null, "op-2");
		assertThat(this.gateway.verify(header, "POST", "/internal/users/sync", "", "op-2"))
			.isEqualTo("passport-service");
	}

	@Nested
	class Refuses {

		private final String header = InternalAuthTests.this.gateway.sign("GET", "/users/me", "7", "op-1");

		@Test
		void anotherUser() {
			assertThat(InternalAuthTests.this.gateway.verify(this.header, "GET", "/users/me", "8", "op-1")).isNull();
		}

		@Test
		void aMissingUserWhereOneWasSigned() {
			assertThat(InternalAuthTests.this.gateway.verify(this.header, "GET", "/users/me", null, "op-1")).isNull();
		}

		@Test
		void anotherPathMethodOrOperation() {
			InternalAuth auth = InternalAuthTests.this.gateway;
			assertThat(auth.verify(this.header, "GET", "/users/8", "7", "op-1")).isNull();
			assertThat(auth.verify(this.header, "PUT", "/users/me", "7", "op-1")).isNull();
			assertThat(auth.verify(this.header, "GET", "/users/me", "7", "op-2")).isNull();
		}

		@Test
		void aCallerNameSwappedIntoTheHeader() {
			String forged = this.header.replace("v1:gateway:", "v1:passport-service:");
			assertThat(InternalAuthTests.this.gateway.verify(forged, "GET", "/users/me", "7", "op-1")).isNull();
		}

		@Test
		void anotherSecret() {
			InternalAuth other = new InternalAuth(SECRET + "x", 60_000, "gateway", Clock.fixed(NOW, ZoneOffset.UTC));
			assertThat(other.verify(this.header, "GET", "/users/me", "7", "op-1")).isNull();
		}

		@Test
		void aSignatureOlderOrNewerThanTheSkew() {
			for (Duration shift : new Duration[] { Duration.ofSeconds(61), Duration.ofSeconds(-61) }) {
				InternalAuth later = new InternalAuth(SECRET, 60_000, "gateway",
						Clock.fixed(NOW.plus(shift), ZoneOffset.UTC));
				assertThat(later.verify(this.header, "GET", "/users/me", "7", "op-1")).isNull();
			}
			InternalAuth withinSkew = new InternalAuth(SECRET, 60_000, "gateway",
					Clock.fixed(NOW.plusSeconds(59), ZoneOffset.UTC));
			assertThat(withinSkew.verify(this.header, "GET", "/users/me", "7", "op-1")).isEqualTo("gateway");
		}

		@Test
		void malformedHeaders() {
			InternalAuth auth = InternalAuthTests.this.gateway;
			for (String bad : new String[] { null, "", "v1", "v2:gateway:1:abc", "v1::1:abc", "v1:gateway:x:abc",
					"v1:gateway:1:abc:extra" }) {
				assertThat(auth.verify(bad, "GET", "/users/me", "7", "op-1")).as(String.valueOf(bad)).isNull();
			}
		}

	}

}
