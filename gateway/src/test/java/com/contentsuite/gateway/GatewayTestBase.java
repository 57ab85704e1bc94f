package com.contentsuite.gateway;

import java.time.Duration;
import java.util.UUID;

import com.contentsuite.common.redis.RedisNamespace;
import com.contentsuite.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway on a random port, in its own Redis namespace, in front of the stub
 * passport, user-service, article-service and moments-service. Every test class extending
 * this shares one context.
 */
@IntegrationTest
@TestPropertySource(properties = { "suite.internal-auth.secret=" + TestKeys.SECRET,
		// No throttling here; the throttle has unit tests of its own.
		"gateway.auth.jwks.min-refetch-interval=0s", "RATE_LIMIT_CHECK_MOBILE_PER_MINUTE=3",
		"gateway.cors.allowed-origins=https://app.example.com" })
@Import(RecordedSpans.class)
abstract class GatewayTestBase {

	static final String OPERATION_ID = "test-op-1";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	RedisNamespace namespace;

	/**
	 * Passport's marker that its revocations are all in Redis: without it the gateway
	 * refuses every token (503), so every test starts with it, in this context's
	 * namespace.
	 */
	@BeforeEach
	void revocationsArePublished() {
		this.redis.opsForValue().set(this.namespace.key("passport:revoked:published"), "1").block();
	}

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.passport-service[0].uri",
				TestBackends.PASSPORT::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.user-service[0].uri", TestBackends.USERS::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.article-service[0].uri",
				TestBackends.ARTICLES::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.moments-service[0].uri",
				TestBackends.MOMENTS::uri);
	}

	/**
	 * A fresh operationID, to find (or miss) one request among everything the stubs saw.
	 */
	static String uniqueOperationId() {
		return "test-" + UUID.randomUUID();
	}

	static boolean reachedABackend(String operationId) {
		return !TestBackends.PASSPORT.receivedWithOperation(operationId).isEmpty()
				|| !TestBackends.USERS.receivedWithOperation(operationId).isEmpty()
				|| !TestBackends.ARTICLES.receivedWithOperation(operationId).isEmpty()
				|| !TestBackends.MOMENTS.receivedWithOperation(operationId).isEmpty();
	}

	WebTestClient client() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(15))
			.build();
	}

	static JsonNode json(byte[] body) {
		return JSON.readTree(body);
	}

	static JsonNode json(String body) {
		return JSON.readTree(body);
	}

}
