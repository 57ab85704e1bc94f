package com.contentsuite.gateway.guard;

import java.nio.charset.StandardCharsets;

import com.contentsuite.common.operation.OperationId;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.gateway.NosniffWebFilter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.stereotype.Component;

/**
 * Answers, in Reactor Netty and before Spring sees them, the requests whose target
 * {@code java.net.URI} cannot parse ({@code \ | { } ^ < > [ ]} in a path, a bad escape
 * such as {@code %zz}, a second {@code #}). Spring's adapter would answer those with an
 * empty 400 before any web filter runs, so without this they would carry neither the
 * envelope nor the operationID and {@code nosniff} headers of every other answer. Every
 * other request goes on to Spring Boot's own route.
 */
@Component
class UnparsableTargetRoute implements NettyRouteProvider {

	private static final Logger log = LoggerFactory.getLogger(UnparsableTargetRoute.class);

	// The same answer RequestGuardWebFilter gives to a path it refuses.
	private static final byte[] BODY = ApiResponse.errorJson(ErrorCode.ARGS, "path is invalid")
		.getBytes(StandardCharsets.UTF_8);

	@Override
	public HttpServerRoutes apply(HttpServerRoutes routes) {
		return routes.route((request) -> !RequestTargets.isParsable(request.uri()), UnparsableTargetRoute::refuse);
	}

	private static Publisher<Void> refuse(HttpServerRequest request, HttpServerResponse response) {
		String sent = request.requestHeaders().get(OperationId.HEADER);
		// An invalid value is never echoed, as on every other route.
		String operationId = OperationId.isValid(sent) ? sent : OperationId.mint();
		if (log.isDebugEnabled()) {
			log.debug("[{}] {} refused: its target is not a parsable URI", operationId, request.method());
		}
		response.status(HttpResponseStatus.BAD_REQUEST)
			.header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
			.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(BODY.length))
			.header(OperationId.HEADER, operationId)
			.header(NosniffWebFilter.HEADER, NosniffWebFilter.VALUE);
		return response.sendByteArray(Mono.just(BODY));
	}

}
