package com.contentsuite.passport.session;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param republishCheckInterval how often to check that Redis still holds the revoked
 * sessions (it keeps nothing on disk here, so a restart empties it)
 */
@Validated
@ConfigurationProperties("passport.session")
record SessionProperties(@NotNull @DefaultValue("30s") Duration republishCheckInterval) {
}
