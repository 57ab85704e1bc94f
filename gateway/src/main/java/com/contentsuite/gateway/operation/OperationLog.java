package com.contentsuite.gateway.operation;

import com.contentsuite.common.operation.OperationId;
import org.slf4j.MDC;

import org.springframework.web.server.ServerWebExchange;

/**
 * Runs a logging statement with the request's operationID in the MDC, so the log pattern
 * ({@code logging.pattern.correlation}) prints it. Explicit rather than automatic context
 * propagation, which would cost every reactive hop of every request.
 */
public final class OperationLog {

	private OperationLog() {
	}

	public static void with(ServerWebExchange exchange, Runnable logStatement) {
		try (MDC.MDCCloseable ignored = MDC.putCloseable(OperationId.MDC_KEY, RequestOperation.id(exchange))) {
			logStatement.run();
		}
	}

}
