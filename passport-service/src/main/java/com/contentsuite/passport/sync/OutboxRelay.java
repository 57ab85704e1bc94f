package com.contentsuite.passport.sync;

import org.springframework.stereotype.Component;

/**
 * The account sync's handle on common's shared relay (which delivers every topic of
 * passport's outbox): drains on demand, for tests and for an operator's console, under
 * the name this package has always had.
 */
@Component
class OutboxRelay {

	private final com.contentsuite.common.outbox.OutboxRelay relay;

	OutboxRelay(com.contentsuite.common.outbox.OutboxRelay relay) {
		this.relay = relay;
	}

	/** Delivers every event due now; answers how many were delivered. */
	int drainDue() {
		return this.relay.drainDue();
	}

	/** No drain runs or waits to run. */
	boolean isIdle() {
		return this.relay.isIdle();
	}

}
