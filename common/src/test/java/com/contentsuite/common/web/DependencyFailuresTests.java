package com.contentsuite.common.web;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.client.circuitbreaker.NoFallbackAvailableException;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class DependencyFailuresTests {

	@Nested
	class InAService {

		@Test
		void aDependencyFailureAnywhereInTheChainIs1006() {
			for (Throwable ex : new Throwable[] { new ConnectException("refused"),
					new RuntimeException(new SocketTimeoutException("read")), new TimeoutException(),
					new SQLTransientConnectionException("pool"), new RedisConnectionFailureException("down"),
					new RedisCommandTimeoutException("slow"), new RedisException("not connected"),
					new CannotAcquireLockException("deadlock"),
					CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("x")),
					new IllegalStateException(ReadTimeoutException.INSTANCE) }) {
				ApiException known = DependencyFailures.classify(ex);
				assertThat(known).as("%s", ex).isNotNull();
				assertThat(known.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
				assertThat(known.httpStatus()).isEqualTo(503);
				assertThat(known.detail()).isEqualTo("a dependency is unavailable, try again later");
			}
		}

		@Test
		void anErrorRedisAnsweredIsABug() {
			assertThat(DependencyFailures.classify(new RedisCommandExecutionException("WRONGTYPE"))).isNull();
		}

		@Test
		void aPlainBugIsNone() {
			assertThat(DependencyFailures.classify(new IllegalStateException("boom"))).isNull();
			assertThat(DependencyFailures.classify(new UncheckedIOException(new java.io.IOException("disk")))).isNull();
		}

		@Test
		void aDuplicateKeyIs1003() {
			ApiException known = DependencyFailures.classify(new DataIntegrityViolationException("dup",
					new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)));
			assertThat(known.code()).isEqualTo(ErrorCode.DUPLICATE_KEY);
		}

		@Test
		void theChainIsReadFromTheTop() {
			ApiException notFound = ApiException.notFound("user not found");
			assertThat(DependencyFailures.classify(new RuntimeException(notFound))).isSameAs(notFound);
			// Feign's circuit breaker wraps whatever the call threw: the breaker decides.
			assertThat(DependencyFailures.classify(new NoFallbackAvailableException("no fallback", notFound)).code())
				.isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
		}

	}

	@Nested
	class AtTheGateway {

		@Test
		void aRefusalKeepsItsStatusAndCodeWhereverItIs() {
			ApiException tooLarge = new ApiException(ErrorCode.ARGS, 413, "request body is too large");
			assertThat(DependencyFailures.atGateway(tooLarge))
				.isEqualTo(new DependencyFailures.Answer(413, ErrorCode.ARGS, "request body is too large", false));
			assertThat(DependencyFailures.atGateway(new ConnectException("x") {
				@Override
				public synchronized Throwable getCause() {
					return tooLarge;
				}
			}).status()).isEqualTo(413);
		}

		@Test
		void aTimeoutIs503TimedOut() {
			for (Throwable ex : new Throwable[] { new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "slow"),
					new TimeoutException("slow"), new RuntimeException(new TimeoutException("slow")) }) {
				assertThat(DependencyFailures.atGateway(ex)).as("%s", ex)
					.isEqualTo(new DependencyFailures.Answer(503, ErrorCode.SERVICE_UNAVAILABLE,
							"service timed out, try again later", false));
			}
		}

		@Test
		void aBackendThatCannotAnswerIs503() {
			for (Throwable ex : new Throwable[] { new ConnectException("refused"),
					new ResponseStatusException(HttpStatus.BAD_GATEWAY),
					new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE),
					new RedisConnectionFailureException("down"),
					new RuntimeException(ReadTimeoutException.INSTANCE) }) {
				assertThat(DependencyFailures.atGateway(ex)).as("%s", ex)
					.isEqualTo(new DependencyFailures.Answer(503, ErrorCode.SERVICE_UNAVAILABLE,
							"service unavailable, try again later", false));
			}
		}

		@Test
		void frameworkStatusesKeepTheirMeaning() {
			assertThat(DependencyFailures.atGateway(new ResponseStatusException(HttpStatus.NOT_FOUND)))
				.isEqualTo(new DependencyFailures.Answer(404, ErrorCode.RECORD_NOT_FOUND, "route not found", false));
			assertThat(DependencyFailures.atGateway(new MethodNotAllowedException("POST", java.util.List.of())))
				.isEqualTo(new DependencyFailures.Answer(405, ErrorCode.ARGS, "method not allowed", false));
			assertThat(DependencyFailures.atGateway(new ResponseStatusException(HttpStatus.NOT_IMPLEMENTED))).isEqualTo(
					new DependencyFailures.Answer(500, ErrorCode.SERVER_INTERNAL, "server internal error", true));
		}

		@Test
		void anythingElseIsAnUnexpected500() {
			assertThat(DependencyFailures.atGateway(new IllegalStateException("boom"))).isEqualTo(
					new DependencyFailures.Answer(500, ErrorCode.SERVER_INTERNAL, "server internal error", true));
			assertThat(DependencyFailures.atGateway(new RedisCommandExecutionException("WRONGTYPE")).unexpected())
				.isTrue();
		}

	}

}
