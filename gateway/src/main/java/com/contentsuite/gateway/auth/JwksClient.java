package com.contentsuite.gateway.auth;

import java.security.Key;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.Map;

import com.contentsuite.common.internal.InternalAuth;
import com.contentsuite.common.operation.OperationId;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Fetches passport's JWK Set through the load balancer, signed like any forwarded call
 * (passport refuses unsigned requests), and keeps its RSA keys by {@code kid}.
 */
final class JwksClient {

	private final WebClient webClient;

	private final InternalAuth internalAuth;

	private final AuthProperties.Jwks properties;

	JwksClient(WebClient loadBalanced, InternalAuth internalAuth, AuthProperties.Jwks properties) {
		this.webClient = loadBalanced;
		this.internalAuth = internalAuth;
		this.properties = properties;
	}

	Mono<Map<String, PublicKey>> fetch() {
		return Mono.defer(() -> {
			String operationId = OperationId.mint();
			return this.webClient.get()
				.uri("http://" + this.properties.serviceId() + this.properties.path())
				.header(OperationId.HEADER, operationId)
				.header(InternalAuth.HEADER, this.internalAuth.sign("GET", this.properties.path(), null, operationId))
				.retrieve()
				.bodyToMono(String.class)
				.timeout(this.properties.timeout());
		}).map(JwksClient::rsaKeysById);
	}

	/** Only RSA keys with a {@code kid}: tokens are RS256 and name their key. */
	static Map<String, PublicKey> rsaKeysById(String json) {
		JwkSet set = Jwks.setParser().build().parse(json);
		Map<String, PublicKey> keys = new HashMap<>();
		for (Jwk<?> jwk : set) {
			Key key = jwk.toKey();
			if (jwk.getId() != null && key instanceof RSAPublicKey rsa) {
				keys.put(jwk.getId(), rsa);
			}
		}
		return Map.copyOf(keys);
	}

}
