package com.contentsuite.gateway.forward;

import java.net.URI;

import com.contentsuite.common.deadline.RequestDeadline;
import com.contentsuite.common.internal.InternalAuth;
import com.contentsuite.common.operation.OperationId;
import com.contentsuite.gateway.FilterOrder;
import com.contentsuite.gateway.auth.VerifiedUser;
import com.contentsuite.gateway.operation.RequestOperation;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sets what a service trusts: {@code operationID}, {@code X-User-ID} (only for a verified
 * access token), {@code X-Internal-Client-IP}, {@code X-Internal-Deadline} and
 * {@code X-Internal-Auth}, the signature over method, the raw path as forwarded, userID
 * and operationID; and the trace headers ({@link TraceHeaders}). Each is set, never
 * added, so no client copy can survive next to it.
 */
@Component
class ForwardIdentityGlobalFilter implements GlobalFilter, Ordered {

	private final InternalAuth internalAuth;

	private final ClientIpResolver clientIp;

	private final ForwardDeadline deadline;

	private final TraceHeaders trace;

	ForwardIdentityGlobalFilter(InternalAuth internalAuth, ClientIpResolver clientIp, ForwardDeadline deadline,
			TraceHeaders trace) {
		this.internalAuth = internalAuth;
		this.clientIp = clientIp;
		this.deadline = deadline;
		this.trace = trace;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		VerifiedUser user = VerifiedUser.of(exchange);
		String userId = (user != null) ? user.userId() : null;
		String operationId = RequestOperation.id(exchange);
		String method = request.getMethod().name();
		String signature = this.internalAuth.sign(method, forwardedRawPath(exchange), userId, operationId);
		String ip = this.clientIp.resolve(exchange);
		String deadlineMillis = this.deadline.millis();
		ServerHttpRequest forwarded = request.mutate().headers((headers) -> {
			IdentityHeaders.strip(headers);
			// First, so that nothing the propagator writes (baggage) replaces ours.
			this.trace.inject(exchange, headers);
			headers.set(OperationId.HEADER, operationId);
			if (userId != null) {
				headers.set(InternalAuth.USER_HEADER, userId);
			}
			headers.set(InternalAuth.CLIENT_IP_HEADER, ip);
			if (deadlineMillis != null) {
				headers.set(RequestDeadline.HEADER, deadlineMillis);
			}
			headers.set(InternalAuth.HEADER, signature);
		}).build();
		return chain.filter(exchange.mutate().request(forwarded).build());
	}

	/** The path as the routing filter will send it (it sends the URL's ASCII form). */
	private static String forwardedRawPath(ServerWebExchange exchange) {
		URI url = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
		if (url == null) {
			url = exchange.getRequest().getURI();
		}
		String rawPath = url.getRawPath();
		for (int i = 0; i < rawPath.length(); i++) {
			if (rawPath.charAt(i) > 0x7f) {
				return URI.create(url.toASCIIString()).getRawPath();
			}
		}
		return rawPath;
	}

	@Override
	public int getOrder() {
		return FilterOrder.FORWARD_IDENTITY;
	}

}
