package com.contentsuite.gateway.routing;

import java.util.ArrayList;
import java.util.List;

import com.contentsuite.gateway.GatewayApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A route table that leaves part of a route's policy out, or gives it a bad value, stops
 * the gateway from starting: it never serves with a route that is open by omission.
 */
class RoutePolicyCheckTests {

	private static final String ROUTE = "spring.cloud.gateway.server.webflux.routes[0].";

	/**
	 * The gateway with one route (a list given on the command line replaces
	 * application.yml's).
	 */
	private static ConfigurableApplicationContext start(String... filters) {
		List<String> arguments = new ArrayList<>(
				List.of("--server.port=0", "--suite.redis.namespace=route-policy-check", "--" + ROUTE + "id=probe",
						"--" + ROUTE + "uri=lb://user-service", "--" + ROUTE + "predicates[0]=Path=/probe/**"));
		for (int i = 0; i < filters.length; i++) {
			arguments.add("--" + ROUTE + "filters[" + i + "]=" + filters[i]);
		}
		return new SpringApplicationBuilder(GatewayApplication.class).run(arguments.toArray(String[]::new));
	}

	@Test
	void aCompleteRouteStarts() {
		try (ConfigurableApplicationContext context = start("CircuitBreaker=probe", "Auth=none",
				"RateLimit=probe, 5, 1m", "BodyLimit=64KB")) {
			assertThat(context.isRunning()).isTrue();
		}
	}

	@Test
	void aRouteWithoutAuthDoesNotStart() {
		assertThatThrownBy(() -> start("CircuitBreaker=probe", "BodyLimit"))
			.hasMessageContaining("route probe declares Auth 0 times, not once");
	}

	@Test
	void aRouteWithTwoAuthModesDoesNotStart() {
		assertThatThrownBy(() -> start("CircuitBreaker=probe", "Auth=none", "Auth=required", "BodyLimit"))
			.hasMessageContaining("route probe declares Auth 2 times, not once");
	}

	@Test
	void aRouteWithoutBodyLimitOrCircuitBreakerDoesNotStart() {
		assertThatThrownBy(() -> start("Auth=none")).hasMessageContaining("route probe declares BodyLimit 0 times")
			.hasMessageContaining("route probe declares CircuitBreaker 0 times");
	}

	@Test
	void anUnknownAuthModeDoesNotStart() {
		assertThatThrownBy(() -> start("CircuitBreaker=probe", "Auth=maybe", "BodyLimit"))
			.hasStackTraceContaining("maybe");
	}

	@Test
	void aRateLimitBelowOneOrAWindowBelowOneSecondDoesNotStart() {
		assertThatThrownBy(() -> start("CircuitBreaker=probe", "Auth=none", "RateLimit=probe, 0, 1m", "BodyLimit"))
			.hasStackTraceContaining("limit");
		assertThatThrownBy(() -> start("CircuitBreaker=probe", "Auth=none", "RateLimit=probe, 5, 10ms", "BodyLimit"))
			.hasStackTraceContaining("window");
	}

}
