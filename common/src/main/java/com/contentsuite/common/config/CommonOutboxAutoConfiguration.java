package com.contentsuite.common.config;

import java.time.Clock;

import com.contentsuite.common.outbox.MicrometerOutboxTracing;
import com.contentsuite.common.outbox.Outbox;
import com.contentsuite.common.outbox.OutboxHandler;
import com.contentsuite.common.outbox.OutboxProperties;
import com.contentsuite.common.outbox.OutboxRelay;
import com.contentsuite.common.outbox.OutboxTracing;
import com.contentsuite.common.outbox.Outboxes;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactional outbox in every service with a database: {@link Outbox} to append in
 * the caller's transaction, {@link OutboxRelay} to deliver to the service's
 * {@link OutboxHandler} beans (docs/design.md, "Outbox").
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnClass({ JdbcTemplate.class, TransactionTemplate.class, JsonMapper.class })
@ConditionalOnBean({ JdbcTemplate.class, PlatformTransactionManager.class })
public class CommonOutboxAutoConfiguration {

	/** {@code suite.outbox.*}, unless the service built its own (passport does). */
	@Bean
	@ConditionalOnMissingBean
	OutboxProperties outboxProperties(Environment environment) {
		return Binder.get(environment).bindOrCreate("suite.outbox", OutboxProperties.class);
	}

	@Bean
	@ConditionalOnMissingBean
	Outboxes suiteOutboxes(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			ObjectProvider<OutboxHandler> handlers, OutboxProperties properties, ObjectProvider<JsonMapper> json,
			ObjectProvider<Clock> clock, ObjectProvider<OutboxTracing> tracing, Environment environment) {
		return new Outboxes(jdbc, transactionManager, handlers.orderedStream().toList(), properties,
				json.getIfAvailable(() -> JsonMapper.builder().build()), clock.getIfAvailable(Clock::systemUTC),
				environment.getProperty("spring.application.name", "service"),
				tracing.getIfAvailable(() -> OutboxTracing.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	Outbox suiteOutbox(Outboxes outboxes) {
		return outboxes.outbox();
	}

	@Bean
	@ConditionalOnMissingBean
	OutboxRelay suiteOutboxRelay(Outboxes outboxes) {
		return outboxes.relay();
	}

	/**
	 * Deliveries traced in the trace of the request that appended them, wherever
	 * Micrometer Tracing is (a no-op tracer without an exporter records nothing), as
	 * observations of the process's registry.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Tracer.class, Propagator.class, ObservationRegistry.class })
	static class Tracing {

		@Bean
		@ConditionalOnMissingBean
		OutboxTracing suiteOutboxTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
				ObjectProvider<ObservationRegistry> observations) {
			Tracer available = tracer.getIfAvailable();
			return (available != null)
					? new MicrometerOutboxTracing(available, propagator.getIfAvailable(() -> Propagator.NOOP),
							observations.getIfAvailable(() -> ObservationRegistry.NOOP))
					: OutboxTracing.NONE;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class Metrics {

		@Bean
		MeterBinder suiteOutboxMetrics(Outboxes outboxes) {
			return outboxes.metrics();
		}

	}

}
