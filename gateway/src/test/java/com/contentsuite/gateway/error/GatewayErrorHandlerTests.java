package com.contentsuite.gateway.error;

import java.net.ConnectException;
import java.util.List;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.gateway.operation.RequestOperation;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class GatewayErrorHandlerTests {

	private final GatewayErrorHandler handler = new GatewayErrorHandler();

	private MockServerWebExchange handle(Throwable ex) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/users/me"));
		exchange.getAttributes()
			.put(RequestOperation.ATTRIBUTE, new RequestOperation("op-unit", RequestOperation.State.PRESENT));
		this.handler.handle(exchange, ex).block();
		return exchange;
	}

	private static String body(MockServerWebExchange exchange) {
		return exchange.getResponse().getBodyAsString().block();
	}

	@Test
	void anUnexpectedFailureIsAGeneric500WithDetailsOnlyInTheLog(CapturedOutput output) {
		MockServerWebExchange exchange = handle(
				new IllegalStateException("SQL select * from users at db-7.internal:3306"));

		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(body(exchange))
			.isEqualTo("{\"errCode\":500,\"errMsg\":\"ServerInternalError\",\"errDlt\":\"server internal error\"}");
		assertThat(output).contains("db-7.internal").contains("IllegalStateException");
	}

	@Test
	void aGatewayRefusalKeepsItsStatusAndCode() {
		MockServerWebExchange exchange = handle(new ApiException(ErrorCode.ARGS, 413, "request body is too large"));

		assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(413);
		assertThat(body(exchange)).contains("\"errCode\":1001").contains("request body is too large");
	}

	@Test
	void backendFailuresAreAll503() {
		assertThat(handle(new ServiceUnavailableException()).getResponse().getStatusCode().value()).isEqualTo(503);
		assertThat(body(handle(new ServiceUnavailableException()))).contains("circuit open").contains("1006");
		assertThat(body(handle(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "took too long"))))
			.contains("timed out");
		assertThat(handle(new ConnectException("refused")).getResponse().getStatusCode().value()).isEqualTo(503);
		assertThat(handle(NotFoundException.create(false, "Unable to find instance for user-service")).getResponse()
			.getStatusCode()
			.value()).isEqualTo(503);
		assertThat(body(handle(new DependencyUnavailableException(new ConnectException("redis")))))
			.doesNotContain("redis");
	}

	@Test
	void frameworkStatusesKeepTheirMeaning() {
		MockServerWebExchange notFound = handle(new ResponseStatusException(HttpStatus.NOT_FOUND));
		assertThat(notFound.getResponse().getStatusCode().value()).isEqualTo(404);
		assertThat(body(notFound)).contains("\"errCode\":1004");

		MockServerWebExchange notAllowed = handle(new MethodNotAllowedException("POST", List.of()));
		assertThat(notAllowed.getResponse().getStatusCode().value()).isEqualTo(405);
		assertThat(body(notAllowed)).contains("\"errCode\":1001");
	}

	@Test
	void theLogLineOfAFailureCarriesTheOperationId() {
		Logger logger = (Logger) LoggerFactory.getLogger(GatewayErrorHandler.class);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		try {
			MockServerWebExchange exchange = handle(new IllegalStateException("boom"));

			assertThat(body(exchange)).doesNotContain("boom");
			assertThat(appender.list).singleElement()
				.satisfies((event) -> assertThat(event.getMDCPropertyMap()).containsEntry("operationID", "op-unit"));
		}
		finally {
			logger.detachAppender(appender);
		}
	}

}
