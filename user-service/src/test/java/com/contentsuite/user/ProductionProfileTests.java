package com.contentsuite.user;

import java.io.IOException;
import java.util.Map;

import com.contentsuite.common.internal.ProdSecretsGuard;
import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** What the {@code prod} profile resolves to when the environment sets nothing. */
class ProductionProfileTests {

	private static StandardEnvironment prodWithoutEnvironmentVariables() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
		for (String file : new String[] { "application-prod.yml", "application.yml" }) {
			for (PropertySource<?> source : loader.load(file, new ClassPathResource(file))) {
				environment.getPropertySources().addLast(source);
			}
		}
		environment.setActiveProfiles("prod");
		return environment;
	}

	@Test
	void connectsToAnExistingSchemaOverTls() throws IOException {
		String url = prodWithoutEnvironmentVariables().getProperty("spring.datasource.url");

		assertThat(url).startsWith("jdbc:mysql://127.0.0.1:3306/user_db?")
			.contains("sslMode=REQUIRED")
			.doesNotContain("createDatabaseIfNotExist")
			.doesNotContain("allowPublicKeyRetrieval")
			.doesNotContain("useSSL=false");
	}

	@Test
	void hasNoInternalSecretUnlessTheEnvironmentGivesOne() throws IOException {
		StandardEnvironment environment = prodWithoutEnvironmentVariables();

		assertThat(environment.getProperty("suite.internal-auth.secret")).isEmpty();
		assertThatIllegalStateException().isThrownBy(() -> new ProdSecretsGuard(environment).afterPropertiesSet())
			.withMessageContaining("suite.internal-auth.secret");
	}

	@Test
	void hasNoVerificationKeysUnlessTheEnvironmentGivesThem() throws IOException {
		StandardEnvironment environment = prodWithoutEnvironmentVariables();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("secret",
					Map.of("suite.internal-auth.secret", "a-real-secret-of-at-least-32-characters!")));

		assertThat(environment.getProperty("user.verification.keys.1")).isEmpty();
		assertThat(environment.getProperty("user.verification.hmac-key")).isEmpty();
		assertThatIllegalStateException().isThrownBy(() -> new ProdSecretsGuard(environment).afterPropertiesSet())
			.withMessageContaining("user.verification.keys.1");
	}

	@Test
	void refusesTheDevelopmentVerificationKeys() throws IOException {
		StandardEnvironment environment = prodWithoutEnvironmentVariables();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("secret",
					Map.of("suite.internal-auth.secret", "a-real-secret-of-at-least-32-characters!",
							"user.verification.keys.1", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
							"user.verification.hmac-key", "dev-only-user-verification-hmac-key")));

		assertThatIllegalStateException().isThrownBy(() -> new ProdSecretsGuard(environment).afterPropertiesSet())
			.withMessageContaining("user.verification.hmac-key");
	}

	@Test
	void keepsFlywayCleanDisabled() throws IOException {
		assertThat(prodWithoutEnvironmentVariables().getProperty("spring.flyway.clean-disabled")).isEqualTo("true");
	}

}
