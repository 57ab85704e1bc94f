package com.contentsuite.gateway.auth;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token verification. Each route's auth mode is on the route ({@code Auth=...}).
 *
 * @param jwks where and how often passport's public keys are fetched
 * @param issuer the {@code iss} every token must carry
 * @param clockSkew tolerance for {@code exp} and {@code nbf} between passport's clock and
 * ours
 * @param verifiedCache how many verified tokens are remembered, and for how long
 */
@Validated
@ConfigurationProperties("gateway.auth")
record AuthProperties(@NotNull @Valid @DefaultValue Jwks jwks, @NotBlank @DefaultValue("content-suite") String issuer,
		@NotNull @DefaultValue("5s") Duration clockSkew, @NotNull @Valid @DefaultValue VerifiedCache verifiedCache) {

	/**
	 * @param serviceId the load-balanced service that serves the key set
	 * @param path its path there
	 * @param minRefetchInterval at most one fetch per interval, whatever unknown
	 * {@code kid}s clients send
	 * @param maxAge keys older than this are refreshed in the background
	 * @param timeout how long a fetch may take
	 */
	record Jwks(@NotBlank @DefaultValue("passport-service") String serviceId,
			@NotBlank @DefaultValue("/passport/jwks") String path,
			@NotNull @DefaultValue("5s") Duration minRefetchInterval, @NotNull @DefaultValue("10m") Duration maxAge,
			@NotNull @DefaultValue("3s") Duration timeout) {
	}

	/**
	 * @param maxEntries tokens remembered at most (0 turns the cache off)
	 * @param maxAge how long a verification is trusted at most, whatever the token's
	 * {@code exp}
	 */
	record VerifiedCache(@PositiveOrZero @DefaultValue("10000") int maxEntries,
			@NotNull @DefaultValue("5m") Duration maxAge) {
	}

}
