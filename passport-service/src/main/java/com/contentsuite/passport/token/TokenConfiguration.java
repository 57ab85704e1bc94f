package com.contentsuite.passport.token;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	@Bean
	SigningKeys signingKeys(TokenProperties properties) {
		return SigningKeys.from(properties);
	}

}
