package com.contentsuite.gateway.forward;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.stereotype.Component;

/**
 * The value of common's {@link com.contentsuite.common.deadline.RequestDeadline#HEADER}:
 * the gateway's response timeout, which starts when the request is forwarded, minus the
 * margin. Checked at startup so the budget a service receives is always positive.
 */
@Component
class ForwardDeadline {

	private final String millis;

	@Autowired
	ForwardDeadline(DeadlineProperties properties, HttpClientProperties httpClient) {
		this(properties.margin(), httpClient.getResponseTimeout());
	}

	ForwardDeadline(Duration margin, Duration responseTimeout) {
		if (responseTimeout == null) {
			// No response timeout: the gateway waits as long as the service takes.
			this.millis = null;
			return;
		}
		long budget = responseTimeout.minus(margin).toMillis();
		if (budget <= 0) {
			throw new IllegalStateException("gateway.deadline.margin (" + margin
					+ ") must be shorter than the response timeout (" + responseTimeout + ")");
		}
		this.millis = Long.toString(budget);
	}

	/** The header's value, or {@code null} when the gateway sets no deadline. */
	String millis() {
		return this.millis;
	}

}
