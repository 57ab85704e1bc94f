package com.contentsuite.gateway.connection;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/** Connection limits are validated when the gateway starts. */
class ConnectionPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Enable.class);

	/** As the shipped application.yml binds them, with only {@code environment}. */
	private static ConnectionProperties shipped(Map<String, Object> environment) throws IOException {
		MutablePropertySources sources = new MutablePropertySources();
		sources.addFirst(new MapPropertySource("environment", environment));
		new YamlPropertySourceLoader()
			.load("application.yml", new FileSystemResource("src/main/resources/application.yml"))
			.forEach(sources::addLast);
		Binder binder = new Binder(ConfigurationPropertySources.from(sources),
				new PropertySourcesPlaceholdersResolver(sources));
		return binder.bind("gateway.connections", ConnectionProperties.class).get();
	}

	@Test
	void theShippedDefaultsAreTenSecondsSixtySecondsAndTenThousandConnections() throws IOException {
		ConnectionProperties properties = shipped(Map.of());

		assertThat(properties.headerReadTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
		assertThat(properties.maxConnections()).isEqualTo(10_000);
	}

	@Test
	void eachFollowsItsEnvironmentVariable() throws IOException {
		ConnectionProperties properties = shipped(Map.of("GATEWAY_HEADER_READ_TIMEOUT", "3s", "GATEWAY_IDLE_TIMEOUT",
				"30s", "GATEWAY_MAX_CONNECTIONS", "500"));

		assertThat(properties.headerReadTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(properties.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.maxConnections()).isEqualTo(500);
	}

	@Test
	void theRecordsOwnDefaultsMatchTheShippedOnes() {
		this.runner.run((context) -> {
			ConnectionProperties properties = context.getBean(ConnectionProperties.class);
			assertThat(properties.headerReadTimeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(properties.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
			assertThat(properties.maxConnections()).isEqualTo(10_000);
		});
	}

	@Test
	void aTimeoutOfZeroOrACapBelowOneRefusesToStart() {
		this.runner.withPropertyValues("gateway.connections.header-read-timeout=0s")
			.run((context) -> assertThat(context).hasFailed());
		this.runner.withPropertyValues("gateway.connections.idle-timeout=-1s")
			.run((context) -> assertThat(context).hasFailed());
		this.runner.withPropertyValues("gateway.connections.max-connections=0")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ConnectionProperties.class)
	static class Enable {

	}

}
