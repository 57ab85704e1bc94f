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

import org.springframework.web.server.ResponseStatusException;

/**
 * The suite's one classifier of failures: what a dependency (a sibling service, a circuit
 * breaker, the database, Redis, a backend the gateway proxies) failing looks like
 * anywhere in a cause chain, and so answers 503 1006 rather than a 500. Services ask
 * {@link #classify}, the gateway {@link #atGateway}. Feign, Resilience4j, Spring Cloud
 * Gateway and Netty types are matched by name so that {@code common} forces none of those
 * libraries onto any module.
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
			"io.lettuce.core.RedisConnectionException", "com.zaxxer.hikari.pool.HikariPool$PoolInitializationException",
			// Connection-level failures of a call made with Reactor Netty (the gateway's
			// proxied calls).
			"reactor.netty.http.client.PrematureCloseException", "reactor.netty.channel.AbortedException",
			"io.netty.channel.ConnectTimeoutException", "io.netty.handler.timeout.ReadTimeoutException",
			"io.netty.channel.unix.Errors$NativeIoException");

	// Spring Cloud Gateway's circuit breaker filter turns an open circuit into this.
	private static final Set<String> CIRCUIT_OPEN_TYPES = Set
		.of("org.springframework.cloud.gateway.support.ServiceUnavailableException");

	private static final Set<String> TIMEOUT_TYPES = Set.of(TimeoutException.class.getName(),
			"org.springframework.cloud.gateway.support.TimeoutException");

	private static final int MYSQL_DUPLICATE_ENTRY = 1062;

	private static final String GATEWAY_UNAVAILABLE = "service unavailable, try again later";

	private DependencyFailures() {
	}

	/**
	 * The client-facing failure for {@code ex}, or {@code null} when it is a plain bug.
	 * The cause chain is read from the top: the first link that is an
	 * {@link ApiException}, a duplicate key (1003) or a dependency failure (1006)
	 * decides.
	 * @param ex what a service caught
	 * @return the failure to answer, or {@code null}
	 */
	public static ApiException classify(Throwable ex) {
		for (Throwable t = ex; t != null; t = next(t)) {
			if (t instanceof ApiException api) {
				return api;
			}
			if (t instanceof SQLException sql && sql.getErrorCode() == MYSQL_DUPLICATE_ENTRY) {
				return new ApiException(ErrorCode.DUPLICATE_KEY, "value already exists");
			}
			if (isUnavailable(t)) {
				return ApiException.unavailable("a dependency is unavailable, try again later");
			}
		}
		return null;
	}

	/**
	 * How the gateway answers {@code ex} (docs/api.md section 1). A backend that refused,
	 * timed out or sits behind an open circuit is 503 1006 (never 502 or 504: the
	 * contract has one code for all three), with a detail that says which; anything
	 * unforeseen is a generic 500.
	 * @param ex what reached the gateway's error handler
	 * @return the answer
	 */
	public static Answer atGateway(Throwable ex) {
		ApiException api = find(ex, ApiException.class);
		if (api != null) {
			return new Answer(api.httpStatus(), api.code(), api.detail(), false);
		}
		if (any(ex, CIRCUIT_OPEN_TYPES)) {
			return Answer.unavailable("service unavailable (circuit open), try again later");
		}
		if ((ex instanceof ResponseStatusException status && status.getStatusCode().value() == 504)
				|| any(ex, TIMEOUT_TYPES)) {
			return Answer.unavailable("service timed out, try again later");
		}
		if (ex instanceof ResponseStatusException status) {
			return fromStatus(status.getStatusCode().value());
		}
		if (classify(ex) != null) {
			return Answer.unavailable(GATEWAY_UNAVAILABLE);
		}
		return Answer.internal();
	}

	private static Answer fromStatus(int status) {
		if (status == 502 || status == 503 || status == 504) {
			return Answer.unavailable(GATEWAY_UNAVAILABLE);
		}
		if (status >= 500) {
			return Answer.internal();
		}
		return new Answer(status, HttpStatusErrors.codeFor(status), HttpStatusErrors.detailFor(status), false);
	}

	private static boolean isUnavailable(Throwable t) {
		if (t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof TimeoutException
				|| t instanceof UnknownHostException || t instanceof SQLTransientConnectionException
				|| t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
				|| t instanceof SQLTimeoutException) {
			return true;
		}
		Class<?> type = t.getClass();
		if (isA(type, "io.lettuce.core.RedisException")) {
			// Lettuce's "not connected, commands are rejected" is a plain RedisException;
			// an error Redis itself answered (WRONGTYPE, a script) is a bug here, not an
			// outage.
			return !isA(type, "io.lettuce.core.RedisCommandExecutionException");
		}
		return isAny(type, UNAVAILABLE_TYPES);
	}

	private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = next(t)) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	private static boolean any(Throwable ex, Set<String> names) {
		for (Throwable t = ex; t != null; t = next(t)) {
			if (isAny(t.getClass(), names)) {
				return true;
			}
		}
		return false;
	}

	private static Throwable next(Throwable t) {
		return (t.getCause() != t) ? t.getCause() : null;
	}

	private static boolean isAny(Class<?> type, Set<String> names) {
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			if (names.contains(c.getName())) {
				return true;
			}
		}
		return false;
	}

	private static boolean isA(Class<?> type, String name) {
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			if (c.getName().equals(name)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * How a failure is answered.
	 *
	 * @param status the HTTP status
	 * @param code the envelope's code
	 * @param detail a short, safe {@code errDlt}
	 * @param unexpected a bug rather than a client or dependency problem: logged with its
	 * stack trace
	 */
	public record Answer(int status, ErrorCode code, String detail, boolean unexpected) {

		static Answer unavailable(String detail) {
			return new Answer(503, ErrorCode.SERVICE_UNAVAILABLE, detail, false);
		}

		static Answer internal() {
			return new Answer(500, ErrorCode.SERVER_INTERNAL, "server internal error", true);
		}

	}

}
