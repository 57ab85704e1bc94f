package com.contentsuite.user.verification;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class VerificationConfigurationTests {

	private static final String REAL = Base64.getEncoder().encodeToString(new byte[32]);

	@Test
	void bindsARotatedKeyFromTheEnvironment() {
		String second = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'B');
		SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				Map.of("USER_VERIFICATION_KEYS_1", REAL, "USER_VERIFICATION_KEYS_2", second,
						"USER_VERIFICATION_ACTIVE_KEY_VERSION", "2", "USER_VERIFICATION_HMAC_KEY", REAL));

		VerificationProperties properties = new Binder(ConfigurationPropertySources.from(environment))
			.bind("user.verification", VerificationProperties.class)
			.get();

		assertThat(properties.keys()).containsExactlyInAnyOrderEntriesOf(Map.of(1, REAL, 2, second));
		assertThat(properties.activeKeyVersion()).isEqualTo(2);
	}

	@Test
	void acceptsDevelopmentKeysOutsideProd() {
		VerificationProperties dev = new VerificationProperties(Map.of(1, "dev-only-a"), 1, "dev-only-b");

		assertThat(new VerificationConfiguration().fieldCipher(dev, new MockEnvironment()).activeVersion()).isOne();
	}

	@Test
	void refusesADevelopmentKeyOfAnyVersionInProd() {
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");
		VerificationProperties rotatedToDev = new VerificationProperties(Map.of(1, REAL, 2, "dev-only-a"), 2, REAL);
		VerificationProperties devHmac = new VerificationProperties(Map.of(1, REAL), 1, "dev-only-b");

		assertThatIllegalStateException()
			.isThrownBy(() -> new VerificationConfiguration().fieldCipher(rotatedToDev, prod))
			.withMessageContaining("user.verification.keys.2");
		assertThatIllegalStateException().isThrownBy(() -> new VerificationConfiguration().fieldCipher(devHmac, prod))
			.withMessageContaining("user.verification.hmac-key");
		assertThat(
				new VerificationConfiguration().fieldCipher(new VerificationProperties(Map.of(1, REAL), 1, REAL), prod)
					.activeVersion())
			.isOne();
	}

}
