package com.contentsuite.common.config;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API documents' one switch (docs/api.md section 6): on by default, off with
 * {@code SUITE_API_DOCS_ENABLED=false}, and off under {@code prod} unless it is set to
 * {@code true}.
 */
class SuiteDefaultsApiDocsTests {

	@Test
	void areOnByDefault() {
		assertThat(documents(environment(Map.of()))).isEqualTo("true");
	}

	@Test
	void turnOffWithTheSwitch() {
		assertThat(documents(environment(Map.of("SUITE_API_DOCS_ENABLED", "false")))).isEqualTo("false");
	}

	@Test
	void areOffUnderProdUnlessSwitchedOn() {
		StandardEnvironment prod = environment(Map.of());
		prod.setActiveProfiles("prod");
		assertThat(documents(prod)).isEqualTo("false");

		StandardEnvironment prodOn = environment(Map.of("SUITE_API_DOCS_ENABLED", "true"));
		prodOn.setActiveProfiles("prod");
		assertThat(documents(prodOn)).isEqualTo("true");
	}

	@Test
	void yieldToAnApplicationsOwnSetting() {
		StandardEnvironment prod = environment(
				Map.of("springdoc.api-docs.enabled", "true", "springdoc.swagger-ui.enabled", "true"));
		prod.setActiveProfiles("prod");
		assertThat(documents(prod)).isEqualTo("true");
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

	private static String documents(StandardEnvironment environment) {
		new SuiteDefaults().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("springdoc.swagger-ui.enabled"))
			.isEqualTo(environment.getProperty("springdoc.api-docs.enabled"));
		return environment.getProperty("springdoc.api-docs.enabled");
	}

}
