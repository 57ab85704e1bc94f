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

/**
 * Adds {@code suite-defaults.properties} as the lowest-precedence property source, so
 * every process shares one set of defaults (Feign timeouts and circuit breakers, error
 * rendering, actuator exposure, tracing baggage) that its own application.yml or the
 * environment can override.
 * <p>
 * Under the {@code prod} profile a second source, consulted before the shared one, turns
 * the API documents off unless {@code SUITE_API_DOCS_ENABLED} says otherwise: a
 * production deployment publishes its route map only on purpose.
 */
public class SuiteDefaults implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			environment.getPropertySources()
				.addLast(new ResourcePropertySource("suiteDefaults",
						new ClassPathResource("suite-defaults.properties")));
			if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
				environment.getPropertySources()
					.addBefore("suiteDefaults",
							new MapPropertySource("suiteProdDefaults",
									Map.of("springdoc.api-docs.enabled", "${SUITE_API_DOCS_ENABLED:false}",
											"springdoc.swagger-ui.enabled", "${SUITE_API_DOCS_ENABLED:false}")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
