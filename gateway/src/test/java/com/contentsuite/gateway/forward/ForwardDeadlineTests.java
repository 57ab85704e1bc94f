package com.contentsuite.gateway.forward;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The deadline a service receives is positive, or the gateway does not start. */
class ForwardDeadlineTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Enable.class);

	@Test
	void theBudgetIsTheResponseTimeoutLessTheMargin() {
		assertThat(new ForwardDeadline(Duration.ofSeconds(1), Duration.ofSeconds(10)).millis()).isEqualTo("9000");
	}

	@Test
	void aMarginThatLeavesNoBudgetRefusesToStart() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new ForwardDeadline(Duration.ofSeconds(10), Duration.ofSeconds(10)))
			.withMessageContaining("gateway.deadline.margin");
		assertThatIllegalStateException()
			.isThrownBy(() -> new ForwardDeadline(Duration.ofSeconds(2), Duration.ofMillis(500)));
	}

	@Test
	void withoutAResponseTimeoutThereIsNoDeadline() {
		assertThat(new ForwardDeadline(Duration.ofSeconds(1), null).millis()).isNull();
	}

	@Test
	void theMarginDefaultsToOneSecondAndMustNotBeNegative() {
		this.runner.run((context) -> assertThat(context.getBean(DeadlineProperties.class).margin())
			.isEqualTo(Duration.ofSeconds(1)));
		this.runner.withPropertyValues("gateway.deadline.margin=-1s").run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DeadlineProperties.class)
	static class Enable {

	}

}
