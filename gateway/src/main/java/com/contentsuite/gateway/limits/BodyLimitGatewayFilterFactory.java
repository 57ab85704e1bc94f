package com.contentsuite.gateway.limits;

import java.util.List;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.gateway.FilterOrder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code BodyLimit[=<json>, <multipart>]} on a route: refuses a body the suite does not
 * take, a media type other than JSON or multipart/form-data (415), or one over the
 * route's limit (413), at once from {@code Content-Length}, or while it streams when the
 * length is not declared. Nothing is buffered. A size left out is the gateway's default
 * ({@code gateway.limits}).
 */
@Component
public final class BodyLimitGatewayFilterFactory
		extends AbstractGatewayFilterFactory<BodyLimitGatewayFilterFactory.Config> {

	private final BodyLimitProperties defaults;

	BodyLimitGatewayFilterFactory(BodyLimitProperties defaults) {
		super(Config.class);
		this.defaults = defaults;
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("json", "multipart");
	}

	@Override
	public GatewayFilter apply(Config config) {
		DataSize json = (config.getJson() != null) ? config.getJson() : this.defaults.json();
		DataSize multipart = (config.getMultipart() != null) ? config.getMultipart() : this.defaults.multipart();
		if (json.toBytes() <= 0 || multipart.toBytes() <= 0) {
			throw new IllegalArgumentException("BodyLimit sizes must be positive");
		}
		return new OrderedGatewayFilter(new BodyLimitFilter(json.toBytes(), multipart.toBytes()),
				FilterOrder.BODY_LIMIT);
	}

	/** The limits of one route. */
	static final class BodyLimitFilter implements GatewayFilter {

		private final long jsonLimit;

		private final long multipartLimit;

		BodyLimitFilter(long jsonLimit, long multipartLimit) {
			this.jsonLimit = jsonLimit;
			this.multipartLimit = multipartLimit;
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
				// A declared length is enforced by the HTTP codec: no more bytes can
				// arrive.
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
		public String toString() {
			return "BodyLimit=" + this.jsonLimit + "," + this.multipartLimit;
		}

	}

	/** Bound from the route's {@code BodyLimit=...}; a size left out is the default. */
	public static final class Config {

		/** Largest JSON body. */
		private DataSize json;

		/** Largest multipart body. */
		private DataSize multipart;

		public DataSize getJson() {
			return this.json;
		}

		public void setJson(DataSize json) {
			this.json = json;
		}

		public DataSize getMultipart() {
			return this.multipart;
		}

		public void setMultipart(DataSize multipart) {
			this.multipart = multipart;
		}

	}

}
