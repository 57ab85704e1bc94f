package com.contentsuite.gateway.cors;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which browser origins may call the API. Binding fails, and so does start-up, when
 * {@code *} is combined with credentials: that would let any site act with a user's
 * cookies or stored token.
 *
 * @param allowedOrigins exact origins ({@code https://app.example.com}); empty: no
 * cross-origin calls
 * @param allowedMethods methods a cross-origin call may use
 * @param allowedHeaders request headers a cross-origin call may send
 * @param allowCredentials whether the browser may send credentials
 * @param maxAge how long a browser may cache a preflight answer
 */
@Validated
@ConfigurationProperties("gateway.cors")
record CorsProperties(@NotNull @DefaultValue List<String> allowedOrigins, @NotNull @DefaultValue( {
		"GET", "POST", "PUT", "PATCH", "DELETE" }) List<String> allowedMethods,
		@NotNull @DefaultValue({ "operationID", "token", "Authorization", "Content-Type" }) List<String> allowedHeaders,
		@DefaultValue("true") boolean allowCredentials, @NotNull @DefaultValue("30m") Duration maxAge){

	static final String WILDCARD = "*";

	CorsProperties {
		if (allowCredentials && allowedOrigins != null && allowedOrigins.stream().anyMatch(WILDCARD::equals)) {
			throw new IllegalArgumentException(
					"gateway.cors.allowed-origins must list origins when gateway.cors.allow-credentials is true: '*'"
							+ " would let every site send credentialed requests");
		}
	}

}
