package com.contentsuite.gateway.cors;

import java.util.List;

import com.contentsuite.common.operation.OperationId;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.gateway.FilterOrder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS for every path from {@link CorsProperties}. A configuration is registered even
 * with no origin allowed, so that every preflight is answered here rather than refused
 * later for lacking an operationID.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfig {

	@Bean
	OrderedCorsWebFilter corsWebFilter(CorsProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.allowedOrigins());
		cors.setAllowedMethods(properties.allowedMethods());
		cors.setAllowedHeaders(properties.allowedHeaders());
		cors.setExposedHeaders(List.of(OperationId.HEADER));
		cors.setAllowCredentials(properties.allowCredentials());
		cors.setMaxAge(properties.maxAge());
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return new OrderedCorsWebFilter(source);
	}

	static final class OrderedCorsWebFilter extends CorsWebFilter implements Ordered {

		OrderedCorsWebFilter(UrlBasedCorsConfigurationSource source) {
			super(source, new EnvelopeCorsProcessor());
		}

		@Override
		public int getOrder() {
			return FilterOrder.CORS;
		}

	}

	/** A refused cross-origin request gets the envelope, not an empty 403. */
	static final class EnvelopeCorsProcessor extends DefaultCorsProcessor {

		@Override
		protected void rejectRequest(ServerHttpResponse response) {
			throw new ApiException(ErrorCode.NO_PERMISSION, "cross-origin request refused");
		}

	}

}
