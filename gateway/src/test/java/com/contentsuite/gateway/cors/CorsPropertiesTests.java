package com.contentsuite.gateway.cors;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Binding is what start-up does: a refused binding is a refused start. */
class CorsPropertiesTests {

	private static CorsProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("gateway.cors",
				CorsProperties.class);
	}

	@Test
	void aWildcardOriginWithCredentialsIsRefused() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("gateway.cors.allowed-origins", "https://a.example.com,*")))
			.withRootCauseInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aWildcardOriginWithoutCredentialsIsAccepted() {
		CorsProperties properties = bind(
				Map.of("gateway.cors.allowed-origins", "*", "gateway.cors.allow-credentials", "false"));

		assertThat(properties.allowedOrigins()).containsExactly("*");
	}

	@Test
	void defaultsAllowNoOriginButTheSuitesHeaders() {
		CorsProperties properties = bind(Map.of());

		assertThat(properties.allowedOrigins()).isEmpty();
		assertThat(properties.allowCredentials()).isTrue();
		assertThat(properties.allowedHeaders()).contains("operationID", "token");
	}

}
