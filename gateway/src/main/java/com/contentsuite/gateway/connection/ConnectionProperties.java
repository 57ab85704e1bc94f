package com.contentsuite.gateway.connection;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What a client connection may hold of the gateway before it is closed.
 *
 * @param headerReadTimeout how long a client has to deliver a request's complete headers:
 * from accept for the first request, from its first byte for a later one; bytes trickling
 * in do not extend it
 * @param idleTimeout how long a keep-alive connection may stay silent between requests
 * @param maxConnections concurrent client connections; one more is closed at once
 */
@Validated
@ConfigurationProperties("gateway.connections")
record ConnectionProperties(@NotNull @DefaultValue("10s") Duration headerReadTimeout,
		@NotNull @DefaultValue("60s") Duration idleTimeout, @Positive @DefaultValue("10000") int maxConnections) {

	ConnectionProperties {
		if (isNotPositive(headerReadTimeout) || isNotPositive(idleTimeout)) {
			throw new IllegalArgumentException("gateway.connections timeouts must be positive");
		}
	}

	private static boolean isNotPositive(Duration duration) {
		return duration != null && (duration.isNegative() || duration.isZero());
	}

}
