package com.contentsuite.user.verification;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class VerificationConfigurationTests {

	private static final String REAL = Base64.getEncoder().encodeToString(new byte[32]);

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
