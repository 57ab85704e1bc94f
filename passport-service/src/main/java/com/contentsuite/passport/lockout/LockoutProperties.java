package com.contentsuite.passport.lockout;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxFailures failed logins of one account within {@code window} that lock it
 * @param window how long failures are counted from the first one
 * @param lockDuration how long a locked account answers 1005
 */
@Validated
@ConfigurationProperties("passport.lockout")
record LockoutProperties(@Min(1) @DefaultValue("5") int maxFailures,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("15m") Duration window,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("15m") Duration lockDuration) {
}
