package com.contentsuite.gateway.ratelimit;

import java.util.List;
import java.util.Map;

import com.contentsuite.common.redis.RedisNamespace;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.gateway.FilterOrder;
import com.contentsuite.gateway.RequestEventLoop;
import com.contentsuite.gateway.RequestMatcher;
import com.contentsuite.gateway.error.DependencyUnavailableException;
import com.contentsuite.gateway.forward.ClientIpResolver;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Limits the anonymous, abuse-prone passport endpoints (captcha image, check_mobile,
 * register, login) per client IP. When Redis cannot count, the request is refused (503):
 * these endpoints guard against brute force, so failing open would defeat them.
 */
@Component
class RateLimitGlobalFilter implements GlobalFilter, Ordered {

	private final List<Limit> limits;

	private final FixedWindowCounter counter;

	private final ClientIpResolver clientIp;

	RateLimitGlobalFilter(RateLimitProperties properties, ReactiveStringRedisTemplate redis, RedisNamespace namespace,
			ClientIpResolver clientIp) {
		this.limits = properties.rules().entrySet().stream().map(RateLimitGlobalFilter::limit).toList();
		this.counter = new FixedWindowCounter(redis, namespace);
		this.clientIp = clientIp;
	}

	private static Limit limit(Map.Entry<String, RateLimitProperties.Rule> entry) {
		RateLimitProperties.Rule rule = entry.getValue();
		return new Limit(entry.getKey(), RequestMatcher.of(rule.path(), List.of(rule.method())), rule);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		for (Limit limit : this.limits) {
			if (limit.matcher().matches(exchange.getRequest())) {
				return RequestEventLoop.resume(check(limit, exchange), exchange)
					.then(Mono.defer(() -> chain.filter(exchange)));
			}
		}
		return chain.filter(exchange);
	}

	private Mono<Void> check(Limit limit, ServerWebExchange exchange) {
		return this.counter.hit(limit.name(), this.clientIp.resolve(exchange), limit.rule().window())
			.onErrorMap(DependencyUnavailableException::new)
			.flatMap((window) -> {
				if (window.count() <= limit.rule().limit()) {
					return Mono.empty();
				}
				long seconds = Math.max(1, (window.remainingMillis() + 999) / 1000);
				exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
				return Mono.error(new ApiException(ErrorCode.TOO_MANY_REQUESTS, "too many requests, try again later"));
			});
	}

	@Override
	public int getOrder() {
		return FilterOrder.RATE_LIMIT;
	}

	private record Limit(String name, RequestMatcher matcher, RateLimitProperties.Rule rule) {
	}

}
