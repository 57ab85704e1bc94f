package com.contentsuite.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.util.StringUtils;

/**
 * Adds {@code suite-defaults.properties} as the lowest-precedence property source, so
 * every process shares one set of defaults (Feign timeouts and circuit breakers, error
 * rendering, actuator exposure, tracing baggage) that its own application.yml or the
 * environment can override.
 * <p>
 * Under the {@code prod} profile a second source, consulted before the shared one, turns
 * the API documents off unless {@code SUITE_API_DOCS_ENABLED} says otherwise: a
 * production deployment publishes its route map only on purpose.
 * <p>
 * One default is derived rather than written down: Zipkin export
 * ({@value #ZIPKIN_ENABLED}) is on exactly when {@value #ZIPKIN_ENDPOINT} (from
 * {@code TRACING_ZIPKIN_ENDPOINT}) is not empty. Boot would otherwise create the exporter
 * whenever its classes are present and send to its built-in {@code localhost:9411}
 * default. An explicit {@value #ZIPKIN_ENABLED} anywhere else still wins.
 */
public class SuiteDefaults implements EnvironmentPostProcessor {

	static final String SOURCE = "suiteDefaults";

	static final String DERIVED_SOURCE = "suiteDerivedDefaults";

	static final String ZIPKIN_ENDPOINT = "management.tracing.export.zipkin.endpoint";

	static final String ZIPKIN_ENABLED = "management.tracing.export.zipkin.enabled";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			environment.getPropertySources()
				.addLast(new ResourcePropertySource(SOURCE, new ClassPathResource("suite-defaults.properties")));
			if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
				environment.getPropertySources()
					.addBefore(SOURCE,
							new MapPropertySource("suiteProdDefaults",
									Map.of("springdoc.api-docs.enabled", "${SUITE_API_DOCS_ENABLED:false}",
											"springdoc.swagger-ui.enabled", "${SUITE_API_DOCS_ENABLED:false}")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		boolean zipkin = StringUtils.hasText(environment.getProperty(ZIPKIN_ENDPOINT));
		environment.getPropertySources()
			.addBefore(SOURCE, new MapPropertySource(DERIVED_SOURCE, Map.of(ZIPKIN_ENABLED, String.valueOf(zipkin))));
	}

}
