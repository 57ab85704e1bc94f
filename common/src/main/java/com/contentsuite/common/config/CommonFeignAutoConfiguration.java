package com.contentsuite.common.config;

import com.contentsuite.common.feign.DeadlineRequestInterceptor;
import com.contentsuite.common.feign.EnvelopeErrorDecoder;
import com.contentsuite.common.feign.InternalAuthRequestInterceptor;
import com.contentsuite.common.internal.InternalAuth;
import feign.RequestInterceptor;
import feign.codec.ErrorDecoder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Feign clients of every service sign their calls, carry operationID and decode
 * envelopes.
 */
@AutoConfiguration(after = CommonAutoConfiguration.class)
@ConditionalOnClass(RequestInterceptor.class)
public class CommonFeignAutoConfiguration {

	@Bean
	InternalAuthRequestInterceptor internalAuthRequestInterceptor(InternalAuth auth) {
		return new InternalAuthRequestInterceptor(auth);
	}

	@Bean
	DeadlineRequestInterceptor deadlineRequestInterceptor() {
		return new DeadlineRequestInterceptor();
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorDecoder envelopeErrorDecoder() {
		return new EnvelopeErrorDecoder();
	}

}
