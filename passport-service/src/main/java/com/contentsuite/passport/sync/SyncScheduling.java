package com.contentsuite.passport.sync;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Polls for due events besides the wake-up after each commit: retries come due with time,
 * and another instance may have written the event.
 */
@Configuration(proxyBeanMethods = false)
class SyncScheduling implements SchedulingConfigurer {

	private final OutboxRelay relay;

	private final SyncProperties properties;

	SyncScheduling(OutboxRelay relay, SyncProperties properties) {
		this.relay = relay;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.relay::requestDrain, this.properties.pollInterval());
	}

}
