package com.contentsuite.common.config;

import com.contentsuite.common.internal.InternalAuth;
import com.contentsuite.common.internal.InternalAuthProperties;
import com.contentsuite.common.internal.ProdSecretsGuard;
import com.contentsuite.common.redis.RedisNamespace;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** What every process of the suite shares, servlet or reactive. */
@AutoConfiguration
@EnableConfigurationProperties(InternalAuthProperties.class)
public class CommonAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	InternalAuth internalAuth(InternalAuthProperties properties) {
		return new InternalAuth(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	RedisNamespace redisNamespace(@Value("${suite.redis.namespace:}") String prefix) {
		return new RedisNamespace(prefix);
	}

	@Bean
	static ProdSecretsGuard prodSecretsGuard(Environment environment) {
		return new ProdSecretsGuard(environment);
	}

}
