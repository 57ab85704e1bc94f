package com.contentsuite.gateway;

import java.time.Duration;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * The event loop that reads a request. A Redis answer arrives on Lettuce's I/O thread,
 * one per connection and so one for the whole gateway; continuing the filter chain there
 * would run every authenticated request's routing on that single thread. Hopping back to
 * the request's own loop keeps the work spread as it is for anonymous requests.
 */
public final class RequestEventLoop {

	private RequestEventLoop() {
	}

	/**
	 * How long a request may wait for what it needs before routing (Redis, passport's key
	 * set): past it the request fails as 503, so no lost signal can leave a client
	 * hanging.
	 */
	public static final Duration DEADLINE = Duration.ofSeconds(5);

	/**
	 * {@code work} continued on the request's event loop, failing with a timeout after
	 * {@link #DEADLINE}.
	 */
	public static <T> Mono<T> resume(Mono<T> work, ServerWebExchange exchange) {
		// A TimeoutException is answered 503 1006 by the error handler, like any
		// dependency timeout.
		return work.publishOn(of(exchange)).timeout(DEADLINE);
	}

	public static Scheduler of(ServerWebExchange exchange) {
		Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
		if (nativeRequest instanceof Connection connection) {
			return Schedulers.fromExecutor(connection.channel().eventLoop());
		}
		return Schedulers.parallel();
	}

}
