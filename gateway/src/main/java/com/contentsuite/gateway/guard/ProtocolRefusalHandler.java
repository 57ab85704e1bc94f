package com.contentsuite.gateway.guard;

import java.nio.charset.StandardCharsets;

import com.contentsuite.common.operation.OperationId;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.gateway.NosniffWebFilter;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers, between Netty's HTTP decoder and Reactor Netty's traffic handler, a request
 * the decoder could not read (a line or headers too long, two Content-Lengths, chunked
 * plus Content-Length, a malformed request line) in the gateway's own shape: Reactor
 * Netty would answer it with an empty body and no operationID. The framing of the rest of
 * the connection cannot be trusted, so everything after it is dropped and the connection
 * closed once the answer is written. One instance per connection.
 */
final class ProtocolRefusalHandler extends ChannelInboundHandlerAdapter {

	static final String NAME = "gateway.protocolRefusal";

	private static final Logger log = LoggerFactory.getLogger(ProtocolRefusalHandler.class);

	private static final byte[] URI_TOO_LONG = body("URI is too long");

	private static final byte[] HEADERS_TOO_LARGE = body("request headers are too large");

	private static final byte[] BAD_FRAMING = body("request framing is invalid");

	private boolean refused;

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (this.refused) {
			ReferenceCountUtil.release(msg);
			return;
		}
		if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
			this.refused = true;
			try {
				refuse(ctx, request);
			}
			finally {
				ReferenceCountUtil.release(msg);
			}
			return;
		}
		ctx.fireChannelRead(msg);
	}

	private static void refuse(ChannelHandlerContext ctx, HttpRequest request) {
		Throwable cause = request.decoderResult().cause();
		HttpResponseStatus status;
		byte[] body;
		if (is(cause, TooLongHttpLineException.class)) {
			status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
			body = URI_TOO_LONG;
		}
		else if (is(cause, TooLongHttpHeaderException.class)) {
			status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
			body = HEADERS_TOO_LARGE;
		}
		else {
			status = HttpResponseStatus.BAD_REQUEST;
			body = BAD_FRAMING;
		}
		// The headers read before the failure, if any; an invalid value is never echoed.
		String sent = request.headers().get(OperationId.HEADER);
		String operationId = OperationId.isValid(sent) ? sent : OperationId.mint();
		if (log.isDebugEnabled()) {
			log.debug("[{}] refused with {}: {}", operationId, status.code(), cause.toString());
		}
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
				Unpooled.wrappedBuffer(body));
		HttpHeaders headers = response.headers();
		headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
		headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
		headers.set(OperationId.HEADER, operationId);
		headers.set(NosniffWebFilter.HEADER, NosniffWebFilter.VALUE);
		headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
	}

	/** Reactor Netty looks one cause deep as well. */
	private static boolean is(Throwable failure, Class<? extends Throwable> type) {
		return type.isInstance(failure) || type.isInstance(failure.getCause());
	}

	private static byte[] body(String detail) {
		return ApiResponse.errorJson(ErrorCode.ARGS, detail).getBytes(StandardCharsets.UTF_8);
	}

}
