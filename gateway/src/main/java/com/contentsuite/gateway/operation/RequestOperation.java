package com.contentsuite.gateway.operation;

import com.contentsuite.common.operation.OperationId;

import org.springframework.web.server.ServerWebExchange;

/**
 * The operationID of the current request as the first filter resolved it: the client's
 * value when valid, otherwise a minted one that the response carries back.
 *
 * @param id the ID every log line, forwarded call and response uses
 * @param state what the client sent
 */
public record RequestOperation(String id, State state) {

	/** The exchange attribute the first filter stores the resolution under. */
	public static final String ATTRIBUTE = RequestOperation.class.getName();

	/** The current request's operationID; a fresh one if no filter resolved it yet. */
	public static String id(ServerWebExchange exchange) {
		RequestOperation operation = exchange.getAttribute(ATTRIBUTE);
		return (operation != null) ? operation.id() : OperationId.mint();
	}

	static RequestOperation resolve(String header) {
		if (header == null || header.isEmpty()) {
			return new RequestOperation(OperationId.mint(), State.MISSING);
		}
		// An invalid value is never echoed: it could carry anything into logs and
		// headers.
		return OperationId.isValid(header) ? new RequestOperation(header, State.PRESENT)
				: new RequestOperation(OperationId.mint(), State.INVALID);
	}

	/** What the client sent in the {@code operationID} header. */
	public enum State {

		PRESENT, MISSING, INVALID

	}

}
