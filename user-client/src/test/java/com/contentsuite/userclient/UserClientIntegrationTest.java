package com.contentsuite.userclient;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A context with nothing but this module and common, whose user-service is one stub for
 * every test. The breakers are common's defaults and off here, so that the failures one
 * test provokes never open a circuit for the next.
 */
@SpringBootTest(classes = UserClientIntegrationTest.TestApplication.class,
		properties = { "spring.application.name=user-client-tests", "spring.main.web-application-type=none",
				"spring.cloud.openfeign.circuitbreaker.enabled=false" })
abstract class UserClientIntegrationTest {

	static final UserServiceStub USERS = new UserServiceStub();

	@DynamicPropertySource
	static void userService(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.user-service[0].uri", USERS::uri);
	}

	@BeforeEach
	void resetStub() {
		USERS.reset();
	}

	@SpringBootApplication
	static class TestApplication {

	}

}
