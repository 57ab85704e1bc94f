package com.contentsuite.gateway.error;

import java.nio.charset.StandardCharsets;

import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.DependencyFailures;
import com.contentsuite.common.web.DependencyFailures.Answer;
import com.contentsuite.gateway.operation.OperationLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The one place a gateway failure becomes a response: the envelope, a safe detail (as
 * common's {@link DependencyFailures} classifies the failure), and the details (stack
 * trace included) only in the log with the operationID. Ordered before Spring Boot's
 * handler (-1), which would render its own error body.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			// Too late for an envelope: the connection is closed on the client.
			return Mono.error(ex);
		}
		Answer failure = DependencyFailures.atGateway(ex);
		log(exchange, failure, ex);
		byte[] body = ApiResponse.errorJson(failure.code(), failure.detail()).getBytes(StandardCharsets.UTF_8);
		response.setStatusCode(HttpStatusCode.valueOf(failure.status()));
		HttpHeaders headers = response.getHeaders();
		// A half-copied backend response must not describe this body.
		headers.remove(HttpHeaders.CONTENT_ENCODING);
		headers.remove(HttpHeaders.TRANSFER_ENCODING);
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setContentLength(body.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

	/** The cause chain in one line: enough to see which dependency failed, and how. */
	private static String describe(Throwable ex) {
		StringBuilder chain = new StringBuilder(ex.toString());
		for (Throwable t = ex.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
			chain.append(" <- ").append(t);
		}
		return chain.toString();
	}

	private static void log(ServerWebExchange exchange, Answer failure, Throwable ex) {
		ServerHttpRequest request = exchange.getRequest();
		if (failure.unexpected()) {
			OperationLog.with(exchange,
					() -> log.error("Unexpected failure of {} {}", request.getMethod(), request.getPath().value(), ex));
		}
		else if (failure.status() >= 500) {
			OperationLog.with(exchange, () -> log.warn("{} {} answered {} {}: {}", request.getMethod(),
					request.getPath().value(), failure.status(), failure.code().code(), describe(ex)));
		}
	}

}
