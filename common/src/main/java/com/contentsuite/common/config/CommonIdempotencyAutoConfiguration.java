package com.contentsuite.common.config;

import com.contentsuite.common.idempotency.IdempotencyFilter;
import com.contentsuite.common.idempotency.IdempotencyInterceptor;
import com.contentsuite.common.idempotency.IdempotencyProperties;
import com.contentsuite.common.redis.RedisNamespace;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code Idempotency-Key} for every {@code @Idempotent} handler of a servlet service with
 * Redis.
 */
@AutoConfiguration(after = { CommonAutoConfiguration.class, DataRedisAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(StringRedisTemplate.class)
@ConditionalOnBean(StringRedisTemplate.class)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class CommonIdempotencyAutoConfiguration {

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilter() {
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter());
		// After the signature check: only requests let in are buffered.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	WebMvcConfigurer idempotencyInterceptor(StringRedisTemplate redis, RedisNamespace namespace,
			IdempotencyProperties properties) {
		IdempotencyInterceptor interceptor = new IdempotencyInterceptor(redis, namespace, properties);
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(interceptor);
			}
		};
	}

}
