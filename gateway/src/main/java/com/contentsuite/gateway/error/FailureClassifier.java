package com.contentsuite.gateway.error;

import java.util.Set;
import java.util.concurrent.TimeoutException;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.DependencyFailures;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.common.web.HttpStatusErrors;

import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Maps whatever went wrong to the envelope of API.md section 1. A backend that refused,
 * timed out or sits behind an open circuit is 503 1006 (never 502 or 504: the contract
 * has one code for all three); anything unforeseen is a generic 500.
 */
final class FailureClassifier {

	private static final String UNAVAILABLE = "service unavailable, try again later";

	// Connection-level failures of the proxied call, matched by name like common's
	// DependencyFailures.
	private static final Set<String> CONNECTION_FAILURES = Set.of("reactor.netty.http.client.PrematureCloseException",
			"reactor.netty.channel.AbortedException", "io.netty.channel.ConnectTimeoutException",
			"io.netty.handler.timeout.ReadTimeoutException", "io.netty.channel.unix.Errors$NativeIoException");

	private FailureClassifier() {
	}

	static Failure classify(Throwable ex) {
		ApiException api = find(ex, ApiException.class);
		if (api != null) {
			return new Failure(api.httpStatus(), api.code(), api.detail(), false);
		}
		if (find(ex, ServiceUnavailableException.class) != null) {
			// The gateway's circuit breaker filter turns an open circuit into this.
			return Failure.unavailable("service unavailable (circuit open), try again later");
		}
		if (isTimeout(ex)) {
			return Failure.unavailable("service timed out, try again later");
		}
		if (ex instanceof ResponseStatusException status) {
			return fromStatus(status.getStatusCode().value());
		}
		if (DependencyFailures.classify(ex) != null || isConnectionFailure(ex)) {
			return Failure.unavailable(UNAVAILABLE);
		}
		return new Failure(500, ErrorCode.SERVER_INTERNAL, "server internal error", true);
	}

	private static Failure fromStatus(int status) {
		if (status == 502 || status == 503 || status == 504) {
			return Failure.unavailable(UNAVAILABLE);
		}
		if (status >= 500) {
			return new Failure(500, ErrorCode.SERVER_INTERNAL, "server internal error", true);
		}
		return new Failure(status, HttpStatusErrors.codeFor(status), HttpStatusErrors.detailFor(status), false);
	}

	private static boolean isTimeout(Throwable ex) {
		if (ex instanceof ResponseStatusException status && status.getStatusCode().value() == 504) {
			return true;
		}
		return find(ex, TimeoutException.class) != null
				|| find(ex, org.springframework.cloud.gateway.support.TimeoutException.class) != null;
	}

	private static boolean isConnectionFailure(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (CONNECTION_FAILURES.contains(t.getClass().getName())) {
				return true;
			}
		}
		return false;
	}

	private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

}
