package com.contentsuite.common.web;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Recognises failures of a dependency (a sibling service, a circuit breaker, the
 * database's unique keys) anywhere in a cause chain. Feign and Resilience4j types are
 * matched by name so that {@code common} does not force those libraries onto every
 * module.
 */
public final class DependencyFailures {

	// Matched on the class and its superclasses, so subclasses (Spring's
	// RedisConnectionFailureException is a DataAccessResourceFailureException) count too.
	private static final Set<String> UNAVAILABLE_TYPES = Set.of("feign.RetryableException",
			"io.github.resilience4j.circuitbreaker.CallNotPermittedException",
			"org.springframework.cloud.client.circuitbreaker.NoFallbackAvailableException",
			"org.springframework.dao.DataAccessResourceFailureException",
			"org.springframework.dao.TransientDataAccessResourceException",
			"org.springframework.dao.RecoverableDataAccessException", "org.springframework.dao.QueryTimeoutException",
			// A lock wait timeout or a deadlock victim past its retries: nothing changed,
			// try again.
			"org.springframework.dao.PessimisticLockingFailureException",
			"org.springframework.transaction.CannotCreateTransactionException",
			"org.springframework.transaction.TransactionTimedOutException",
			"org.hibernate.exception.JDBCConnectionException", "io.lettuce.core.RedisCommandTimeoutException",
			"io.lettuce.core.RedisConnectionException",
			"com.zaxxer.hikari.pool.HikariPool$PoolInitializationException");

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
					|| t instanceof UnknownHostException || t instanceof SQLTransientConnectionException
					|| t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
					|| t instanceof SQLTimeoutException || isUnavailableType(t.getClass())) {
				return ApiException.unavailable("a dependency is unavailable, try again later");
			}
		}
		return null;
	}

	private static boolean isUnavailableType(Class<?> type) {
		if (isA(type, "io.lettuce.core.RedisException")) {
			// Lettuce's "not connected, commands are rejected" is a plain RedisException;
			// an error Redis itself answered (WRONGTYPE, a script) is a bug here, not an
			// outage.
			return !isA(type, "io.lettuce.core.RedisCommandExecutionException");
		}
		return UNAVAILABLE_TYPES.stream().anyMatch((name) -> isA(type, name));
	}

	private static boolean isA(Class<?> type, String name) {
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			if (c.getName().equals(name)) {
				return true;
			}
		}
		return false;
	}

}
