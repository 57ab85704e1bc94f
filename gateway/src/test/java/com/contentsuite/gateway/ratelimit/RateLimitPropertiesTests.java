package com.contentsuite.gateway.ratelimit;

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

/** Limits are validated when the gateway starts, not when the first login arrives. */
class RateLimitPropertiesTests {

	/**
	 * The limits as the shipped application.yml binds them, with {@code environment} as
	 * the only environment: the machine's own variables never leak in.
	 */
	private static Map<String, RateLimitProperties.Rule> shippedRules(Map<String, Object> environment)
			throws IOException {
		MutablePropertySources sources = new MutablePropertySources();
		sources.addFirst(new MapPropertySource("environment", environment));
		new YamlPropertySourceLoader()
			.load("application.yml", new FileSystemResource("src/main/resources/application.yml"))
			.forEach(sources::addLast);
		Binder binder = new Binder(ConfigurationPropertySources.from(sources),
				new PropertySourcesPlaceholdersResolver(sources));
		return binder.bind("gateway.rate-limit", RateLimitProperties.class).get().rules();
	}

	private static void assertRule(RateLimitProperties.Rule rule, String method, String path, int limit) {
		assertThat(rule.method()).isEqualTo(method);
		assertThat(rule.path()).isEqualTo(path);
		assertThat(rule.limit()).as(path).isEqualTo(limit);
		assertThat(rule.window()).isEqualTo(Duration.ofMinutes(1));
	}

	// The defaults README.md documents; the integration tests override check_mobile.
	@Test
	void theShippedConfigurationHasTheDocumentedLimitsPerMinuteAndIp() throws IOException {
		Map<String, RateLimitProperties.Rule> rules = shippedRules(Map.of());

		assertThat(rules).containsOnlyKeys("captcha", "check-mobile", "register", "login");
		assertRule(rules.get("captcha"), "GET", "/passport/image_code", 30);
		assertRule(rules.get("check-mobile"), "POST", "/passport/check_mobile", 30);
		assertRule(rules.get("register"), "POST", "/passport/register", 10);
		assertRule(rules.get("login"), "POST", "/passport/login", 20);
	}

	@Test
	void eachShippedLimitFollowsItsDocumentedEnvironmentVariable() throws IOException {
		Map<String, RateLimitProperties.Rule> rules = shippedRules(
				Map.of("RATE_LIMIT_CAPTCHA_PER_MINUTE", "1", "RATE_LIMIT_CHECK_MOBILE_PER_MINUTE", "2",
						"RATE_LIMIT_REGISTER_PER_MINUTE", "3", "RATE_LIMIT_LOGIN_PER_MINUTE", "4"));

		assertThat(rules.get("captcha").limit()).isEqualTo(1);
		assertThat(rules.get("check-mobile").limit()).isEqualTo(2);
		assertThat(rules.get("register").limit()).isEqualTo(3);
		assertThat(rules.get("login").limit()).isEqualTo(4);
	}

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
