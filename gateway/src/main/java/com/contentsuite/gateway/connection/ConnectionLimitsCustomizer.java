package com.contentsuite.gateway.connection;

import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

/**
 * Applies {@link ConnectionProperties} to the gateway's server: Reactor Netty's own idle
 * timeout (between requests) and connection cap, and {@link HeaderReadTimeout}, which
 * Reactor Netty lacks (its read and request timeouts start only once headers are in).
 */
@Component
class ConnectionLimitsCustomizer implements NettyServerCustomizer {

	private final ConnectionProperties properties;

	ConnectionLimitsCustomizer(ConnectionProperties properties) {
		this.properties = properties;
	}

	@Override
	public HttpServer apply(HttpServer server) {
		return server.idleTimeout(this.properties.idleTimeout())
			.maxConnections(this.properties.maxConnections())
			.doOnChannelInit((observer, channel, remoteAddress) -> {
				if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
					HeaderReadTimeout.install(channel.pipeline(), this.properties.headerReadTimeout());
				}
			});
	}

}
