package com.contentsuite.gateway.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** Limits are validated when the gateway starts, not when the first login arrives. */
class RateLimitPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Enable.class)
		.withPropertyValues("gateway.rate-limit.rules.login.method=POST",
				"gateway.rate-limit.rules.login.path=/passport/login", "gateway.rate-limit.rules.login.limit=20",
				"gateway.rate-limit.rules.login.window=1m");

	@Test
	void aCompleteRuleBinds() {
		this.runner.run((context) -> {
			RateLimitProperties.Rule login = context.getBean(RateLimitProperties.class).rules().get("login");
			assertThat(login.limit()).isEqualTo(20);
			assertThat(login.window()).isEqualTo(Duration.ofMinutes(1));
		});
	}

	@Test
	void oneFieldCanBeOverriddenAlone() {
		this.runner.withPropertyValues("gateway.rate-limit.rules.login.limit=3")
			.run((context) -> assertThat(context.getBean(RateLimitProperties.class).rules().get("login").limit())
				.isEqualTo(3));
	}

	@Test
	void aLimitBelowOneOrAWindowBelowOneSecondRefusesToStart() {
		this.runner.withPropertyValues("gateway.rate-limit.rules.login.limit=0")
			.run((context) -> assertThat(context).hasFailed());
		this.runner.withPropertyValues("gateway.rate-limit.rules.login.window=10ms")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(RateLimitProperties.class)
	static class Enable {

	}

}
