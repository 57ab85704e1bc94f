package com.contentsuite.passport.sync;

import com.contentsuite.common.outbox.OutboxProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Passport's outbox: common's, on {@code account_outbox}, set by {@code passport.sync.*}.
 */
@Configuration(proxyBeanMethods = false)
class SyncConfiguration {

	@Bean
	OutboxProperties outboxProperties(SyncProperties sync) {
		return sync.outbox();
	}

}
