package com.contentsuite.common.web;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Recognises failures of a dependency (a sibling service, a circuit breaker, the
 * database's unique keys) anywhere in a cause chain. Feign and Resilience4j types are
 * matched by name so that {@code common} does not force those libraries onto every
 * module.
 */
public final class DependencyFailures {

	private static final Set<String> UNAVAILABLE_TYPES = Set.of("feign.RetryableException",
			"io.github.resilience4j.circuitbreaker.CallNotPermittedException",
			"org.springframework.cloud.client.circuitbreaker.NoFallbackAvailableException",
			"org.springframework.data.redis.RedisConnectionFailureException",
			"org.springframework.dao.QueryTimeoutException",
			"org.springframework.jdbc.CannotGetJdbcConnectionException",
			"org.springframework.transaction.CannotCreateTransactionException");

	private static final int MYSQL_DUPLICATE_ENTRY = 1062;

	private DependencyFailures() {
	}

	/**
	 * The client-facing failure for {@code ex}, or {@code null} when it is a plain bug.
	 */
	public static ApiException classify(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof ApiException api) {
				return api;
			}
			if (t instanceof SQLException sql && sql.getErrorCode() == MYSQL_DUPLICATE_ENTRY) {
				return new ApiException(ErrorCode.DUPLICATE_KEY, "value already exists");
			}
			if (t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof TimeoutException
					|| t instanceof UnknownHostException || UNAVAILABLE_TYPES.contains(t.getClass().getName())) {
				return ApiException.unavailable("a dependency is unavailable, try again later");
			}
		}
		return null;
	}

}
