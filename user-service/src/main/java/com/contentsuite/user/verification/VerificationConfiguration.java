package com.contentsuite.user.verification;

import java.util.Arrays;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VerificationProperties.class)
class VerificationConfiguration {

	@Bean
	FieldCipher fieldCipher(VerificationProperties properties, Environment environment) {
		// common's ProdSecretsGuard checks the properties application.yml lists (key 1
		// and
		// the HMAC key); this also covers key versions added later for rotation.
		if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
			properties.keys().forEach((version, value) -> {
				if (FieldCipher.isDevelopmentValue(value)) {
					throw new IllegalStateException("Profile 'prod' needs a real value for user.verification.keys."
							+ version + " (the development default is refused)");
				}
			});
			if (FieldCipher.isDevelopmentValue(properties.hmacKey())) {
				throw new IllegalStateException(
						"Profile 'prod' needs a real value for user.verification.hmac-key (the development default is refused)");
			}
		}
		return new FieldCipher(properties);
	}

}
