package com.contentsuite.gateway;

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

	public static Scheduler of(ServerWebExchange exchange) {
		Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
		if (nativeRequest instanceof Connection connection) {
			return Schedulers.fromExecutor(connection.channel().eventLoop());
		}
		return Schedulers.parallel();
	}

}
