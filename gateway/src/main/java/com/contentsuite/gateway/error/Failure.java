package com.contentsuite.gateway.error;

import com.contentsuite.common.web.ErrorCode;

/**
 * How a failure is answered.
 *
 * @param status the HTTP status
 * @param code the envelope's code
 * @param detail a short, safe {@code errDlt}
 * @param unexpected a bug rather than a client or dependency problem: logged with its
 * stack trace
 */
record Failure(int status, ErrorCode code, String detail, boolean unexpected) {

	static Failure unavailable(String detail) {
		return new Failure(503, ErrorCode.SERVICE_UNAVAILABLE, detail, false);
	}

}
