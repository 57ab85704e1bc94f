package com.contentsuite.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import com.contentsuite.common.redis.RedisNamespace;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.gateway.FilterOrder;
import com.contentsuite.gateway.RequestEventLoop;
import com.contentsuite.gateway.error.DependencyUnavailableException;
import com.contentsuite.gateway.forward.ClientIpResolver;
import com.contentsuite.gateway.routing.RouteMatch;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code RateLimit=<name>, <limit>, <window>} on a route: at most {@code limit} requests
 * per {@code window} and client IP, counted in Redis under {@code name} (shared by every
 * gateway instance). When Redis cannot count, the request is refused (503): the limited
 * routes guard against brute force, so failing open (as Spring's RedisRateLimiter does)
 * would defeat them.
 */
@Component
public final class RateLimitGatewayFilterFactory
		extends AbstractGatewayFilterFactory<RateLimitGatewayFilterFactory.Config> {

	private final FixedWindowCounter counter;

	private final ClientIpResolver clientIp;

	RateLimitGatewayFilterFactory(ReactiveStringRedisTemplate redis, RedisNamespace namespace,
			ClientIpResolver clientIp) {
		super(Config.class);
		this.counter = new FixedWindowCounter(redis, namespace);
		this.clientIp = clientIp;
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("name", "limit", "window");
	}

	@Override
	public GatewayFilter apply(Config config) {
		return new OrderedGatewayFilter(new RateLimitFilter(config.getName(), config.getLimit(), config.getWindow()),
				FilterOrder.RATE_LIMIT);
	}

	/**
	 * The limit {@code route} declares, as {@code name,limit,window}; {@code null} for
	 * none.
	 */
	public static String limitOf(Route route) {
		RateLimitFilter limit = RouteMatch.filterOf(route, RateLimitFilter.class);
		return (limit != null) ? limit.name() + "," + limit.limit() + "," + limit.window() : null;
	}

	/** The limit of one route, fixed when the route is built. */
	final class RateLimitFilter implements GatewayFilter {

		private final String name;

		private final int limit;

		private final Duration window;

		RateLimitFilter(String name, int limit, Duration window) {
			this.name = name;
			this.limit = limit;
			this.window = window;
		}

		String name() {
			return this.name;
		}

		int limit() {
			return this.limit;
		}

		Duration window() {
			return this.window;
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
			return RequestEventLoop.resume(check(exchange), exchange).then(Mono.defer(() -> chain.filter(exchange)));
		}

		private Mono<Void> check(ServerWebExchange exchange) {
			return counter.hit(this.name, clientIp.resolve(exchange), this.window)
				.onErrorMap(DependencyUnavailableException::new)
				.flatMap((counted) -> {
					if (counted.count() <= this.limit) {
						return Mono.empty();
					}
					long seconds = Math.max(1, (counted.remainingMillis() + 999) / 1000);
					exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
					return Mono
						.error(new ApiException(ErrorCode.TOO_MANY_REQUESTS, "too many requests, try again later"));
				});
		}

		@Override
		public String toString() {
			return "RateLimit=" + this.name + "," + this.limit + "," + this.window;
		}

	}

	/**
	 * Bound and validated from the route's {@code RateLimit=...}: a bad limit stops the
	 * gateway from starting, not the first login.
	 */
	public static final class Config {

		/** The counter's name in Redis; routes that share it share the count. */
		@NotBlank
		private String name;

		/** Requests allowed per window and client IP. */
		@Min(1)
		private int limit;

		/** The fixed window. */
		@NotNull
		@DurationMin(seconds = 1)
		private Duration window;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public int getLimit() {
			return this.limit;
		}

		public void setLimit(int limit) {
			this.limit = limit;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

	}

}
