package com.contentsuite.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Gives the Spring context its own freshly created database and its own Redis key space,
 * and drops the database when the context closes, so test runs never see each other's
 * data.
 */
public class IsolatedInfrastructureInitializer
		implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		String database = infrastructure.createDatabase("it");
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("isolatedInfrastructure",
					Map.of("spring.datasource.url", jdbcUrl(infrastructure, database), "spring.datasource.username",
							infrastructure.mysqlUser(), "spring.datasource.password", infrastructure.mysqlPassword(),
							"spring.data.redis.url", redisUrl(infrastructure), "suite.redis.namespace",
							database + ":")));
		context.addApplicationListener((event) -> {
			if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
				infrastructure.dropDatabase(database);
			}
		});
	}

	protected String jdbcUrl(TestInfrastructure infrastructure, String database) {
		return infrastructure.jdbcUrl(database);
	}

	protected String redisUrl(TestInfrastructure infrastructure) {
		return infrastructure.redisUrl();
	}

}
