package com.contentsuite.gateway.guard;

import io.netty.channel.ChannelPipeline;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts a {@link ProtocolRefusalHandler} on every HTTP/1.1 connection, just before Reactor
 * Netty's traffic handler, which would otherwise answer decoding failures itself.
 */
@Component
class ProtocolRefusalCustomizer implements NettyServerCustomizer {

	@Override
	public HttpServer apply(HttpServer server) {
		return server.doOnChannelInit((observer, channel, remoteAddress) -> {
			ChannelPipeline pipeline = channel.pipeline();
			if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
				pipeline.addBefore(NettyPipeline.HttpTrafficHandler, ProtocolRefusalHandler.NAME,
						new ProtocolRefusalHandler());
			}
		});
	}

}
