package com.contentsuite.gateway.connection;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.NettyPipeline;

/**
 * Closes a connection whose client has not delivered a request's complete headers in
 * time: counted from accept for the first request, from its first byte for a later one
 * (between requests the idle timeout applies instead). Unlike a reader-idle timer, bytes
 * trickling in (slowloris) do not restart it. Two handlers share one state per
 * connection: one before the HTTP decoder sees bytes arrive, one after it sees headers
 * complete. Once a request's headers are in, the response timeout rules.
 */
final class HeaderReadTimeout {

	static final String BYTES_HANDLER = "gateway.headerReadTimeout.bytes";

	static final String HEADERS_HANDLER = "gateway.headerReadTimeout.headers";

	private static final Logger log = LoggerFactory.getLogger(HeaderReadTimeout.class);

	private final long timeoutNanos;

	private ScheduledFuture<?> timer;

	/** Between a request's headers and its last content: bytes read are its body. */
	private boolean inRequest;

	private HeaderReadTimeout(Duration timeout) {
		this.timeoutNanos = timeout.toNanos();
	}

	static void install(ChannelPipeline pipeline, Duration timeout) {
		HeaderReadTimeout state = new HeaderReadTimeout(timeout);
		pipeline.addBefore(NettyPipeline.HttpCodec, BYTES_HANDLER, state.new Bytes());
		pipeline.addAfter(NettyPipeline.HttpCodec, HEADERS_HANDLER, state.new Headers());
	}

	private void start(ChannelHandlerContext ctx) {
		if (this.timer == null && ctx.channel().isActive()) {
			this.timer = ctx.executor().schedule(() -> expire(ctx), this.timeoutNanos, TimeUnit.NANOSECONDS);
		}
	}

	private void expire(ChannelHandlerContext ctx) {
		this.timer = null;
		if (log.isDebugEnabled()) {
			log.debug("Closing {}: no complete request headers within the header-read timeout",
					ctx.channel().remoteAddress());
		}
		ctx.channel().close();
	}

	private void stop() {
		if (this.timer != null) {
			this.timer.cancel(false);
			this.timer = null;
		}
	}

	/** Before the decoder: a connection opens, or a request's first bytes arrive. */
	private final class Bytes extends ChannelInboundHandlerAdapter {

		@Override
		public void channelActive(ChannelHandlerContext ctx) {
			start(ctx);
			ctx.fireChannelActive();
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			// A read that ends one request's body and starts the next one's headers
			// starts no timer; the idle timeout still closes such a connection if it
			// then falls silent, and its next byte starts one.
			if (!HeaderReadTimeout.this.inRequest) {
				start(ctx);
			}
			ctx.fireChannelRead(msg);
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) {
			stop();
			ctx.fireChannelInactive();
		}

		@Override
		public void handlerRemoved(ChannelHandlerContext ctx) {
			stop();
		}

	}

	/** After the decoder: a request's headers are complete, or its body ended. */
	private final class Headers extends ChannelInboundHandlerAdapter {

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			if (msg instanceof HttpRequest) {
				stop();
				HeaderReadTimeout.this.inRequest = true;
			}
			if (msg instanceof LastHttpContent) {
				HeaderReadTimeout.this.inRequest = false;
			}
			ctx.fireChannelRead(msg);
		}

	}

}
