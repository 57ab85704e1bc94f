package com.contentsuite.passport.session;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param republishCheckInterval how often to check that Redis still holds the revoked
 * sessions (it keeps nothing on disk here, so a restart empties it) and to re-copy the
 * recently revoked ones, which bounds how long a lost revocation write goes unrepaired
 */
@Validated
@ConfigurationProperties("passport.session")
record SessionProperties(@NotNull @DurationMin(millis = 10) @DefaultValue("5s") Duration republishCheckInterval) {
}
