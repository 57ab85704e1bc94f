package com.contentsuite.common.config;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class SuiteDefaultsTests {

	private final Binder defaults = defaults();

	private static Binder defaults() {
		return defaults(Map.of());
	}

	/** The defaults under {@code given}, which stands for the environment. */
	private static Binder defaults(Map<String, Object> given) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("given", given));
		new SuiteDefaults().postProcessEnvironment(environment, new SpringApplication());
		return Binder.get(environment);
	}

	@Test
	void withoutAZipkinEndpointNoSpanIsExported() {
		assertThat(this.defaults.bind("management.tracing.export.zipkin.enabled", Boolean.class).get()).isFalse();
		assertThat(defaults(Map.of("TRACING_ZIPKIN_ENDPOINT", " "))
			.bind("management.tracing.export.zipkin.enabled", Boolean.class)
			.get()).isFalse();
		// Propagation stays on: Boot's propagators need the global export switch.
		assertThat(this.defaults.bind("management.tracing.export.enabled", Boolean.class).isBound()).isFalse();
	}

	@Test
	void aZipkinEndpointTurnsZipkinExportOn() {
		Binder binder = defaults(Map.of("TRACING_ZIPKIN_ENDPOINT", "http://zipkin:9411/api/v2/spans"));
		assertThat(binder.bind("management.tracing.export.zipkin.enabled", Boolean.class).get()).isTrue();
		assertThat(binder.bind("management.tracing.export.zipkin.endpoint", String.class).get())
			.isEqualTo("http://zipkin:9411/api/v2/spans");
	}

	@Test
	void anExplicitZipkinSwitchWins() {
		assertThat(defaults(Map.of("TRACING_ZIPKIN_ENDPOINT", "http://zipkin:9411/api/v2/spans",
				"management.tracing.export.zipkin.enabled", "false"))
			.bind("management.tracing.export.zipkin.enabled", Boolean.class)
			.get()).isFalse();
	}

	@Test
	void tracingSamplesATenthUnlessTold() {
		assertThat(this.defaults.bind("management.tracing.sampling.probability", Double.class).get()).isEqualTo(0.1);
		assertThat(defaults(Map.of("TRACING_SAMPLING_PROBABILITY", "1.0"))
			.bind("management.tracing.sampling.probability", Double.class)
			.get()).isEqualTo(1.0);
		assertThat(this.defaults.bind("management.tracing.baggage.tag-fields", String[].class).get())
			.containsExactly("operationID");
	}

	@Test
	void tomcatClosesConnectionsThatDoNotPresentARequestSoon() {
		assertThat(this.defaults.bind("server.tomcat.connection-timeout", Duration.class).get())
			.isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void tomcatKeepsIdleConnectionsLongerThanTheGatewayPoolsThem() {
		// The gateway's pooled connections live at most 20 s idle (gateway
		// application.yml).
		assertThat(this.defaults.bind("server.tomcat.keep-alive-timeout", Duration.class).get())
			.isGreaterThan(Duration.ofSeconds(20));
	}

	@Test
	void tomcatCapsConnectionsAndTakesTheHeadersTheGatewayForwards() {
		assertThat(this.defaults.bind("server.tomcat.max-connections", Integer.class).get()).isEqualTo(2000);
		assertThat(this.defaults.bind("server.max-http-request-header-size", DataSize.class).get())
			.isEqualTo(DataSize.ofKilobytes(16));
	}

}
