package com.contentsuite.common.config;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class SuiteDefaultsTests {

	private final Binder defaults = defaults();

	private static Binder defaults() {
		StandardEnvironment environment = new StandardEnvironment();
		new SuiteDefaults().postProcessEnvironment(environment, new SpringApplication());
		return Binder.get(environment);
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
