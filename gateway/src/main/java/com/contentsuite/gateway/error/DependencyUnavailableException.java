package com.contentsuite.gateway.error;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;

/**
 * A dependency the gateway itself needs (Redis, passport's key set) could not answer: 503
 * 1006 for the client, and the cause kept for the log.
 */
public class DependencyUnavailableException extends ApiException {

	private final Throwable dependencyCause;

	public DependencyUnavailableException(Throwable cause) {
		super(ErrorCode.SERVICE_UNAVAILABLE, "service unavailable, try again later");
		this.dependencyCause = cause;
	}

	// ApiException fixes its cause to null for speed; this one is worth keeping.
	@Override
	public synchronized Throwable getCause() {
		return this.dependencyCause;
	}

}
