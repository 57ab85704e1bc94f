package com.contentsuite.gateway.forward;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param margin what the deadline a service receives keeps back from the gateway's
 * response timeout: the time to connect and to carry the answer back, so the service
 * answers before the gateway stops waiting
 */
@Validated
@ConfigurationProperties("gateway.deadline")
record DeadlineProperties(@NotNull @DefaultValue("1s") Duration margin) {

	DeadlineProperties {
		if (margin != null && margin.isNegative()) {
			throw new IllegalArgumentException("gateway.deadline.margin must not be negative");
		}
	}

}
