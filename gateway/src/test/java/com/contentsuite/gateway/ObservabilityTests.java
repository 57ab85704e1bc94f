package com.contentsuite.gateway;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.micrometer.tracing.otel.bridge.BaggageTaggingSpanProcessor;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators rely on after the gateway dropped Spring Cloud Gateway's own client
 * observation: the trace goes on to the service, with its sampled flag, and every route
 * keeps its request metrics.
 */
class ObservabilityTests extends GatewayTestBase {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final AttributeKey<String> OPERATION_ID_TAG = AttributeKey.stringKey("operationID");

	@Autowired
	RecordedSpans spans;

	@Autowired
	ApplicationContext context;

	/** A sampled client trace of its own, so the gateway records this request's spans. */
	private static String sampledTraceId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private static String sampled(String traceId) {
		return "00-" + traceId + "-00f067aa0ba902b7-01";
	}

	private SpanData serverSpan(String traceId) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> this.spans.ofTrace(traceId)
				.stream()
				.filter((span) -> span.getKind() == SpanKind.SERVER)
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
	}

	private StubServer.Received forwarded(String traceparent) {
		String operationId = uniqueOperationId();
		var request = client().get().uri("/users/5").header("operationID", operationId);
		if (traceparent != null) {
			request = request.header("traceparent", traceparent);
		}
		request.exchange().expectStatus().isOk();
		return TestBackends.USERS.receivedWithOperation(operationId).get(0);
	}

	@Test
	void aSampledTraceGoesOnToTheServiceAsAChildOfTheGatewaysSpan() {
		String traceparent = forwarded("00-" + TRACE_ID + "-00f067aa0ba902b7-01").header("traceparent");

		assertThat(traceparent).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
		assertThat(traceparent).doesNotContain("00f067aa0ba902b7");
	}

	@Test
	void aTraceTheClientDidNotSampleIsNotSampledDownstream() {
		assertThat(forwarded("00-" + TRACE_ID + "-00f067aa0ba902b7-00").header("traceparent"))
			.matches("00-" + TRACE_ID + "-[0-9a-f]{16}-00");
	}

	@Test
	void aRequestWithoutTraceStartsOneThatTheServiceContinues() {
		assertThat(forwarded(null).header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
	}

	@Test
	void theOperationIdIsForwardedAsSentWhateverTheTracingBaggage() {
		String operationId = uniqueOperationId();
		client().get()
			.uri("/users/5")
			.header("operationID", operationId)
			.header("baggage", "operationID=forged")
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(TestBackends.USERS.receivedWithOperation(operationId)).hasSize(1);
	}

	@Test
	void theServerSpanCarriesTheOperationIdTheClientSent() {
		String traceId = sampledTraceId();
		String operationId = uniqueOperationId();
		client().get()
			.uri("/users/5")
			.header("operationID", operationId)
			.header("traceparent", sampled(traceId))
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(serverSpan(traceId).getAttributes().get(OPERATION_ID_TAG)).isEqualTo(operationId);
	}

	@Test
	void theServerSpanCarriesTheOperationIdTheGatewayMinted() {
		String traceId = sampledTraceId();
		String minted = client().get()
			.uri("/files/avatars/none.png")
			.header("traceparent", sampled(traceId))
			.exchange()
			.returnResult(byte[].class)
			.getResponseHeaders()
			.getFirst("operationID");

		assertThat(minted).startsWith("gen-");
		assertThat(serverSpan(traceId).getAttributes().get(OPERATION_ID_TAG)).isEqualTo(minted);
	}

	@Test
	void anInvalidOperationIdNeverBecomesTheTag() {
		String traceId = sampledTraceId();
		String answered = client().get()
			.uri("/users/5")
			.header("operationID", "not valid!")
			.header("baggage", "operationID=forged")
			.header("traceparent", sampled(traceId))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.returnResult(byte[].class)
			.getResponseHeaders()
			.getFirst("operationID");

		assertThat(serverSpan(traceId).getAttributes().get(OPERATION_ID_TAG)).isEqualTo(answered).startsWith("gen-");
	}

	@Test
	void everySpanOfARequestCarriesItsOperationId() {
		// The rate limit reads Redis: its command spans are part of the request's trace.
		String traceId = sampledTraceId();
		String operationId = uniqueOperationId();
		client().post()
			.uri("/passport/check_mobile")
			.header("operationID", operationId)
			.header("traceparent", sampled(traceId))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"mobile\":\"13800138000\"}")
			.exchange();
		serverSpan(traceId);

		List<SpanData> trace = this.spans.ofTrace(traceId);
		assertThat(trace).extracting(SpanData::getKind).contains(SpanKind.SERVER, SpanKind.CLIENT);
		assertThat(trace).allSatisfy((span) -> assertThat(span.getAttributes().get(OPERATION_ID_TAG)).as(span.getName())
			.isEqualTo(operationId));
	}

	@Test
	void withoutAZipkinEndpointNoExporterExistsButOperationIdBaggageBecomesATag() {
		assertThat(this.context.getBeansOfType(ZipkinSpanExporter.class)).isEmpty();
		assertThat(this.context.getBeansOfType(BaggageTaggingSpanProcessor.class)).hasSize(1);
	}

	@Test
	void everyRouteHasItsRequestMetrics() {
		client().get().uri("/users/5").header("operationID", uniqueOperationId()).exchange().expectStatus().isOk();

		String metrics = new String(client().get()
			.uri("/actuator/prometheus")
			.header("operationID", OPERATION_ID)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());

		assertThat(metrics)
			.containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"users-profile\"");
		assertThat(metrics).contains("http_server_requests_seconds_count");
	}

}
