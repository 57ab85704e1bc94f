package com.contentsuite.gateway.auth;

import java.time.Clock;

import com.contentsuite.common.internal.InternalAuth;
import com.contentsuite.common.redis.RedisNamespace;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Wires token verification: JWKS client and cache, verifier, revocation, and the
 * {@code Auth} route filter that uses them.
 */
@Configuration(proxyBeanMethods = false)
class AuthConfig {

	private static final int CONNECT_TIMEOUT_MILLIS = 1000;

	@Bean
	JwksKeyCache jwksKeyCache(AuthProperties properties, ReactorLoadBalancerExchangeFilterFunction loadBalancer,
			InternalAuth internalAuth) {
		AuthProperties.Jwks jwks = properties.jwks();
		HttpClient httpClient = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
			.responseTimeout(jwks.timeout());
		WebClient webClient = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(httpClient))
			.filter(loadBalancer)
			.build();
		JwksClient client = new JwksClient(webClient, internalAuth, jwks);
		return new JwksKeyCache(client::fetch, jwks.minRefetchInterval(), jwks.maxAge(), Clock.systemUTC());
	}

	@Bean
	AuthGatewayFilterFactory authGatewayFilterFactory(AuthProperties properties, JwksKeyCache keys,
			ReactiveStringRedisTemplate redis, RedisNamespace namespace) {
		return new AuthGatewayFilterFactory(new AccessTokenVerifier(keys,
				new VerifiedTokenCache(properties.verifiedCache().maxEntries(), properties.verifiedCache().maxAge(),
						Clock.systemUTC()),
				properties.issuer(), properties.clockSkew()), new RevocationChecker(redis, namespace));
	}

}
