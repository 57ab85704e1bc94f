package com.contentsuite.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code suite-defaults.properties} as the lowest-precedence property source, so
 * every process shares one set of defaults (Feign timeouts and circuit breakers, error
 * rendering, actuator exposure, tracing baggage) that its own application.yml or the
 * environment can override.
 */
public class SuiteDefaults implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			environment.getPropertySources()
				.addLast(new ResourcePropertySource("suiteDefaults",
						new ClassPathResource("suite-defaults.properties")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
