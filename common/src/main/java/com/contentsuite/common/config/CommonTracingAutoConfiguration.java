package com.contentsuite.common.config;

import java.util.List;

import com.contentsuite.common.operation.OperationIdObservationFilter;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.tracing.otel.bridge.BaggageTaggingSpanProcessor;
import io.opentelemetry.sdk.trace.SpanProcessor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The tag {@code operationID} on every span a request causes, in every process
 * (docs/operations.md):
 * <ul>
 * <li>observations: a server request's own operationID (the gateway sets it on its server
 * observation, a service's comes from {@link OperationIdObservationFilter}'s servlet
 * variant), and any observation under it inherits it (Feign client calls, Redis
 * commands);</li>
 * <li>spans started while the operationID is baggage in the current context (the outbox
 * relay's deliveries and what their handler calls): the baggage fields listed in
 * {@code management.tracing.baggage.tag-fields} become tags when the span starts. Boot's
 * OpenTelemetry bridge reads that property only to tag the current span when baggage is
 * set in process ({@code OtelBaggageInScope}); it registers no span processor, so baggage
 * that arrived with a request or was opened before a span started would tag nothing
 * without this one.</li>
 * </ul>
 */
@AutoConfiguration(after = CommonServletAutoConfiguration.class,
		beforeName = "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration")
@ConditionalOnClass(ObservationFilter.class)
public class CommonTracingAutoConfiguration {

	/** A service's servlet variant replaces it (CommonServletAutoConfiguration). */
	@Bean
	@ConditionalOnMissingBean(OperationIdObservationFilter.class)
	OperationIdObservationFilter operationIdObservationFilter() {
		return new OperationIdObservationFilter();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ BaggageTaggingSpanProcessor.class, SpanProcessor.class })
	static class OpenTelemetryBaggageTags {

		@Bean
		BaggageTaggingSpanProcessor suiteBaggageTaggingSpanProcessor(Environment environment) {
			List<String> fields = Binder.get(environment)
				.bind("management.tracing.baggage.tag-fields", Bindable.listOf(String.class))
				.orElse(List.of());
			return new BaggageTaggingSpanProcessor(fields);
		}

	}

}
