package com.contentsuite.gateway.limits;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.gateway.FilterOrder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Refuses a body the suite does not take: a media type other than JSON or
 * multipart/form-data (415), or one over its limit (413), at once from
 * {@code Content-Length}, or while it streams when the length is not declared. Nothing is
 * buffered.
 */
@Component
class BodyLimitGlobalFilter implements GlobalFilter, Ordered {

	private final long jsonLimit;

	private final long multipartLimit;

	BodyLimitGlobalFilter(BodyLimitProperties properties) {
		this.jsonLimit = properties.json().toBytes();
		this.multipartLimit = properties.multipart().toBytes();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		HttpHeaders headers = request.getHeaders();
		long declared = headers.getContentLength();
		boolean streamed = headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
		if (declared <= 0 && !streamed) {
			return chain.filter(exchange);
		}
		long limit = limitFor(headers);
		if (limit < 0) {
			return Mono.error(new ApiException(ErrorCode.ARGS, 415, "unsupported media type"));
		}
		if (declared > limit) {
			return Mono.error(tooLarge());
		}
		if (declared >= 0) {
			// A declared length is enforced by the HTTP codec: no more bytes can arrive.
			return chain.filter(exchange);
		}
		ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				return countedBody(super.getBody(), limit);
			}
		};
		return chain.filter(exchange.mutate().request(counted).build());
	}

	private long limitFor(HttpHeaders headers) {
		MediaType type;
		try {
			type = headers.getContentType();
		}
		catch (RuntimeException ex) {
			return -1;
		}
		if (type == null) {
			return -1;
		}
		if (MediaType.APPLICATION_JSON.isCompatibleWith(type) || "json".equals(type.getSubtypeSuffix())) {
			return type.isWildcardType() || type.isWildcardSubtype() ? -1 : this.jsonLimit;
		}
		return MediaType.MULTIPART_FORM_DATA.equalsTypeAndSubtype(type) ? this.multipartLimit : -1;
	}

	private static Flux<DataBuffer> countedBody(Flux<DataBuffer> body, long limit) {
		return Flux.defer(() -> {
			long[] seen = { 0 };
			return body.handle((buffer, sink) -> {
				seen[0] += buffer.readableByteCount();
				if (seen[0] > limit) {
					DataBufferUtils.release(buffer);
					sink.error(tooLarge());
				}
				else {
					sink.next(buffer);
				}
			});
		});
	}

	private static ApiException tooLarge() {
		return new ApiException(ErrorCode.ARGS, 413, "request body is too large");
	}

	@Override
	public int getOrder() {
		return FilterOrder.BODY_LIMIT;
	}

}
