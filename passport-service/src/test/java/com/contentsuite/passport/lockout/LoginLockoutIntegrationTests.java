package com.contentsuite.passport.lockout;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.passport.PassportIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LoginLockoutIntegrationTests extends PassportIntegrationTest {

	@Autowired
	private LoginLockout lockout;

	private static String newSubject() {
		return LoginLockout.subjectOfUnknown(UUID.randomUUID().toString());
	}

	private void assertRefused(String subject) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.lockout.begin(subject))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.TOO_MANY_REQUESTS));
	}

	@Test
	void checksInFlightCountAgainstTheLimitAndAnAbandonedOneGivesItsPlaceBack() {
		String subject = newSubject();
		List<LoginLockout.Attempt> inFlight = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			inFlight.add(this.lockout.begin(subject));
		}
		assertRefused(subject);

		inFlight.remove(0).close();
		LoginLockout.Attempt another = this.lockout.begin(subject);
		assertRefused(subject);

		another.close();
		inFlight.forEach(LoginLockout.Attempt::close);
		assertThat(this.redis.hasKey(this.namespace.key("passport:login:attempts:" + subject))).isFalse();
	}

	@Test
	void aSuccessForgetsTheFailuresButKeepsTheChecksStillInFlight() {
		String subject = newSubject();
		for (int i = 0; i < 3; i++) {
			try (LoginLockout.Attempt attempt = this.lockout.begin(subject)) {
				attempt.failed();
			}
		}
		LoginLockout.Attempt slow = this.lockout.begin(subject);
		try (LoginLockout.Attempt attempt = this.lockout.begin(subject)) {
			attempt.succeeded();
		}
		for (int i = 0; i < 4; i++) {
			try (LoginLockout.Attempt attempt = this.lockout.begin(subject)) {
				attempt.failed();
			}
		}
		assertRefused(subject);
		assertThat(this.redis.hasKey(this.namespace.key("passport:login:locked:" + subject))).isFalse();
		slow.failed();
		assertRefused(subject);
		assertThat(this.redis.hasKey(this.namespace.key("passport:login:locked:" + subject))).isTrue();
	}

}
