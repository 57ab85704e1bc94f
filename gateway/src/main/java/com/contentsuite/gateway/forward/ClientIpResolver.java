package com.contentsuite.gateway.forward;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The client's address: the peer the gateway saw, or, when that peer is a configured
 * trusted proxy, the right-most {@code X-Forwarded-For} entry that is not itself a
 * trusted proxy. Without trusted proxies a client cannot choose its own address (and so
 * escape its rate limit).
 */
@Component
public class ClientIpResolver {

	private static final String ATTRIBUTE = ClientIpResolver.class.getName();

	private final List<IpSubnetFilterRule> trusted;

	ClientIpResolver(ClientIpProperties properties) {
		this.trusted = properties.trustedProxies().stream().map(ClientIpResolver::rule).toList();
	}

	/** Resolved once per request, then cached on the exchange. */
	public String resolve(ServerWebExchange exchange) {
		String cached = exchange.getAttribute(ATTRIBUTE);
		if (cached != null) {
			return cached;
		}
		InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
		String ip = (peer != null && peer.getAddress() != null)
				? resolve(peer.getAddress(), exchange.getRequest().getHeaders().get("X-Forwarded-For")) : "unknown";
		exchange.getAttributes().put(ATTRIBUTE, ip);
		return ip;
	}

	String resolve(InetAddress peer, List<String> forwardedFor) {
		if (!isTrusted(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
			return peer.getHostAddress();
		}
		List<String> hops = new ArrayList<>();
		forwardedFor.forEach((value) -> {
			for (String hop : value.split(",")) {
				hops.add(hop.trim());
			}
		});
		InetAddress client = peer;
		for (int i = hops.size() - 1; i >= 0; i--) {
			// Literal addresses only: a name would mean a DNS lookup on the event loop.
			InetAddress hop = NetUtil.createInetAddressFromIpAddressString(hops.get(i));
			if (hop == null) {
				break;
			}
			client = hop;
			if (!isTrusted(hop)) {
				break;
			}
		}
		return client.getHostAddress();
	}

	private boolean isTrusted(InetAddress address) {
		InetSocketAddress socketAddress = new InetSocketAddress(address, 0);
		for (IpSubnetFilterRule rule : this.trusted) {
			if (rule.matches(socketAddress)) {
				return true;
			}
		}
		return false;
	}

	private static IpSubnetFilterRule rule(String cidr) {
		int slash = cidr.indexOf('/');
		String address = (slash < 0) ? cidr : cidr.substring(0, slash);
		InetAddress parsed = NetUtil.createInetAddressFromIpAddressString(address);
		if (parsed == null) {
			throw new IllegalArgumentException("gateway.client-ip.trusted-proxies: not an address: " + cidr);
		}
		int maxPrefix = parsed.getAddress().length * 8;
		int prefix = (slash < 0) ? maxPrefix : Integer.parseInt(cidr.substring(slash + 1));
		if (prefix > maxPrefix) {
			throw new IllegalArgumentException("gateway.client-ip.trusted-proxies: bad prefix: " + cidr);
		}
		return new IpSubnetFilterRule(parsed, prefix, IpFilterRuleType.ACCEPT);
	}

}
