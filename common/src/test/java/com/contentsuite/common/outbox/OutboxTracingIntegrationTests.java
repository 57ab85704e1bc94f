package com.contentsuite.common.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.contentsuite.common.operation.OperationId;
import com.contentsuite.common.operation.OperationIdObservationFilter;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.BaggageTaggingSpanProcessor;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.otel.bridge.Slf4JBaggageEventListener;
import io.micrometer.tracing.otel.propagation.BaggageTextMapPropagator;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.ContextStorage;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's trace columns and delivery spans against the real database (as
 * {@link OutboxRelayIntegrationTests}) and the real OpenTelemetry SDK behind Micrometer
 * Tracing, wired as Boot wires it in the services: W3C and the {@code operationID}
 * baggage field propagated, a parent-based sampler (here always sampling a root),
 * common's baggage tagging span processor, the baggage's correlation with the MDC. The
 * handler makes the call a Feign client makes through the suite's circuit breaker:
 * observed, on another thread, its headers recorded.
 */
class OutboxTracingIntegrationTests {

	private static final String BASE = System.getenv().getOrDefault("TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/");

	private static final String USER = System.getenv().getOrDefault("TEST_MYSQL_USER", "root");

	private static final String PASSWORD = System.getenv().getOrDefault("TEST_MYSQL_PASSWORD", "");

	private static final String SCHEMA = "common_outbox_tracing_test";

	private static final String URL = (BASE.endsWith("/") ? BASE : BASE + "/") + SCHEMA
			+ "?useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";

	private static final AttributeKey<String> OPERATION_ID = AttributeKey.stringKey("operationID");

	/**
	 * Boot's correlation: every scope attached to OpenTelemetry's context storage puts
	 * the baggage's operationID in that thread's MDC. The wrapper must be added before
	 * the storage is first used (Boot adds it at application start), once per JVM.
	 */
	private static final Slf4JBaggageEventListener CORRELATION = new Slf4JBaggageEventListener(
			List.of(OperationId.HEADER));

	static {
		ContextStorage.addWrapper(new EventPublishingContextWrapper(CORRELATION::onEvent));
	}

	private final InMemorySpanExporter exported = InMemorySpanExporter.create();

	/** The headers of each call the handler made. */
	private final List<Map<String, String>> calls = new CopyOnWriteArrayList<>();

	/** The circuit breaker's time limiter runs the calls on a thread of its own. */
	private final ExecutorService limiter = Executors.newSingleThreadExecutor();

	/** The MDC's operationID during each call. */
	private final List<String> callOperationIds = new CopyOnWriteArrayList<>();

	private SdkTracerProvider provider;

	private Tracer tracer;

	private OtelPropagator propagator;

	private ObservationRegistry observations;

	private JdbcTemplate jdbc;

	private DataSourceTransactionManager manager;

	private TransactionTemplate transactions;

	private Outboxes outboxes;

	@BeforeEach
	void setUp() throws Exception {
		try (Connection db = DriverManager.getConnection(BASE, USER, PASSWORD);
				Statement statement = db.createStatement()) {
			statement.execute("CREATE DATABASE IF NOT EXISTS " + SCHEMA);
			statement.execute("DROP TABLE IF EXISTS " + SCHEMA + ".outbox_event");
		}
		DriverManagerDataSource dataSource = new DriverManagerDataSource(URL, USER, PASSWORD);
		this.jdbc = new JdbcTemplate(dataSource);
		this.manager = new DataSourceTransactionManager(dataSource);
		this.transactions = new TransactionTemplate(this.manager);

		this.provider = SdkTracerProvider.builder()
			.setSampler(Sampler.parentBased(Sampler.alwaysOn()))
			.addSpanProcessor(new BaggageTaggingSpanProcessor(List.of(OperationId.HEADER)))
			.addSpanProcessor(SimpleSpanProcessor.create(this.exported))
			.build();
		io.opentelemetry.api.trace.Tracer otel = this.provider.get("test");
		OtelCurrentTraceContext current = new OtelCurrentTraceContext();
		OtelBaggageManager baggage = new OtelBaggageManager(current, List.of(OperationId.HEADER),
				List.of(OperationId.HEADER));
		this.tracer = new OtelTracer(otel, current, CORRELATION::onEvent, baggage);
		TextMapPropagator wire = TextMapPropagator.composite(W3CTraceContextPropagator.getInstance(),
				W3CBaggagePropagator.getInstance(), new BaggageTextMapPropagator(List.of(OperationId.HEADER), baggage));
		this.propagator = new OtelPropagator(ContextPropagators.create(wire), otel);
		this.observations = ObservationRegistry.create();
		this.observations.observationConfig()
			.observationFilter(new OperationIdObservationFilter())
			.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(this.tracer, this.propagator),
					new PropagatingReceiverTracingObservationHandler<>(this.tracer, this.propagator),
					new DefaultTracingObservationHandler(this.tracer)));

		OutboxHandler handler = new OutboxHandler() {
			@Override
			public String topic() {
				return "t";
			}

			@Override
			public int batchSize() {
				return 10;
			}

			@Override
			public void deliver(List<OutboxMessage> messages) {
				call();
			}
		};
		this.outboxes = outboxes(handler, new MicrometerOutboxTracing(this.tracer, this.propagator, this.observations));
		this.outboxes.relay().start();
	}

	private Outboxes outboxes(OutboxHandler handler, OutboxTracing tracing) {
		OutboxProperties properties = new OutboxProperties(false, "outbox_event", Duration.ofMillis(1),
				Duration.ofMillis(1), Duration.ofHours(1), Duration.ofSeconds(30), 50, Duration.ofDays(3),
				Duration.ofHours(1));
		return new Outboxes(this.jdbc, this.manager, List.of(handler), properties, JsonMapper.builder().build(),
				Clock.systemUTC(), "test", tracing);
	}

	/**
	 * What a Feign call through the suite's circuit breaker does: the breaker's
	 * observation is made here, under the current one, and observed on the time limiter's
	 * thread (Spring Cloud's ObservedSupplier); there the Feign client's observation
	 * writes the trace headers, and its interceptor sends the MDC's operationID.
	 */
	private void call() {
		Observation breaker = Observation.createNotStarted("circuit-breaker", this.observations)
			.parentObservation(this.observations.getCurrentObservation());
		Map<String, String> headers = new HashMap<>();
		CompletableFuture.runAsync(() -> breaker.observe(() -> {
			SenderContext<Map<String, String>> context = new SenderContext<>(Map::put);
			context.setCarrier(headers);
			Observation.createNotStarted("http.client.requests", () -> context, this.observations)
				.contextualName("client call")
				.observe(() -> {
					String operationId = MDC.get(OperationId.MDC_KEY);
					if (operationId != null) {
						headers.put(OperationId.HEADER, operationId);
					}
					this.callOperationIds.add(String.valueOf(operationId));
				});
		}), this.limiter).join();
		this.calls.add(headers);
	}

	@AfterEach
	void tearDown() {
		this.limiter.shutdownNow();
		this.outboxes.relay().stop();
		this.provider.close();
		MDC.clear();
	}

	/**
	 * Appends in a transaction as a request would: inside its server span, with its
	 * operationID in the MDC (as OperationIdFilter leaves it) and as baggage (as it
	 * arrives from the gateway). Answers that span.
	 */
	private Span appendInRequest(String operationId, String payload) {
		Span request = this.tracer.nextSpan().name("request " + operationId).start();
		try (MDC.MDCCloseable mdc = MDC.putCloseable(OperationId.MDC_KEY, operationId);
				Tracer.SpanInScope scope = this.tracer.withSpan(request);
				BaggageInScope baggage = this.tracer.createBaggageInScope(OperationId.HEADER, operationId)) {
			this.transactions
				.executeWithoutResult((s) -> this.outboxes.outbox().append("t", "aggregate-" + payload, payload));
		}
		finally {
			request.end();
		}
		return request;
	}

	private List<SpanData> spansNamed(String name) {
		return this.exported.getFinishedSpanItems().stream().filter((span) -> span.getName().equals(name)).toList();
	}

	@Test
	void aTableCreatedBeforeTheTraceColumnsGetsThemAtStart() {
		this.outboxes.relay().stop();
		this.jdbc.execute("DROP TABLE outbox_event");
		this.jdbc.execute(OutboxStore.DDL.formatted("outbox_event")
			.replace("    operation_id    VARCHAR(64)  NULL,\n", "")
			.replace("    trace_parent    VARCHAR(64)  NULL,\n", ""));
		assertThat(columns()).doesNotContain("operation_id", "trace_parent");
		this.jdbc.update("INSERT INTO outbox_event (topic, aggregate_key, payload, created_at, next_attempt_at)"
				+ " VALUES ('t', 'old', '\"old\"', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))");

		this.outboxes = outboxes(new RecordingHandler(), OutboxTracing.NONE);
		this.outboxes.relay().start();
		assertThat(columns()).contains("operation_id", "trace_parent");
		this.outboxes.relay().stop();
		// A second instance starting finds them there.
		this.outboxes = outboxes(new RecordingHandler(), OutboxTracing.NONE);
		this.outboxes.relay().start();

		assertThat(this.jdbc.queryForMap("SELECT operation_id, trace_parent FROM outbox_event"))
			.containsEntry("operation_id", null)
			.containsEntry("trace_parent", null);
	}

	private List<String> columns() {
		return this.jdbc.queryForList("SELECT LOWER(column_name) FROM information_schema.columns"
				+ " WHERE table_schema = DATABASE() AND table_name = 'outbox_event'", String.class);
	}

	@Test
	void anAppendStoresTheRequestsOperationIdAndTraceContext() {
		Span request = appendInRequest("op-append", "1");

		Map<String, Object> row = this.jdbc.queryForMap("SELECT operation_id, trace_parent FROM outbox_event");
		assertThat(row.get("operation_id")).isEqualTo("op-append");
		assertThat(row.get("trace_parent"))
			.isEqualTo("00-" + request.context().traceId() + "-" + request.context().spanId() + "-01");
	}

	@Test
	void anAppendOutsideARequestStoresNeither() {
		this.transactions.executeWithoutResult((s) -> this.outboxes.outbox().append("t", "a", "x"));

		Map<String, Object> row = this.jdbc.queryForMap("SELECT operation_id, trace_parent FROM outbox_event");
		assertThat(row.get("operation_id")).isNull();
		assertThat(row.get("trace_parent")).isNull();
	}

	@Test
	void aMessageDeliveredAloneIsTracedInItsRequestsTraceAndSoIsTheCallItMakes() {
		Span request = appendInRequest("op-alone", "1");
		this.exported.reset();

		assertThat(this.outboxes.relay().drainDue()).isOne();

		SpanData delivery = spansNamed("outbox deliver t").get(0);
		assertThat(delivery.getTraceId()).isEqualTo(request.context().traceId());
		assertThat(delivery.getParentSpanId()).isEqualTo(request.context().spanId());
		assertThat(delivery.getAttributes().get(OPERATION_ID)).isEqualTo("op-alone");
		assertThat(delivery.getAttributes().get(AttributeKey.stringKey("outbox.event_id")))
			.isEqualTo("test:outbox_event:" + this.jdbc.queryForObject("SELECT id FROM outbox_event", Long.class));
		SpanData breaker = spansNamed("circuit-breaker").get(0);
		assertThat(breaker.getParentSpanId()).isEqualTo(delivery.getSpanId());
		SpanData client = spansNamed("client call").get(0);
		assertThat(client.getTraceId()).isEqualTo(request.context().traceId());
		assertThat(client.getParentSpanId()).isEqualTo(breaker.getSpanId());
		assertThat(this.exported.getFinishedSpanItems()).hasSize(3)
			.allSatisfy((span) -> assertThat(span.getAttributes().get(OPERATION_ID)).as(span.getName())
				.isEqualTo("op-alone"));
		// The receiver continues the trace and learns the operationID, as header and as
		// baggage.
		Map<String, String> headers = this.calls.get(0);
		assertThat(headers.get("traceparent"))
			.startsWith("00-" + request.context().traceId() + "-" + client.getSpanId())
			.endsWith("-01");
		assertThat(headers.get(OperationId.HEADER)).isEqualTo("op-alone");
		assertThat(this.callOperationIds).containsExactly("op-alone");
		assertThat(MDC.get(OperationId.MDC_KEY)).isNull();
	}

	@Test
	void aFailedDeliveryIsRecordedAsAnError() {
		this.outboxes.relay().stop();
		this.outboxes = outboxes(new RecordingHandler() {
			@Override
			public void deliver(List<OutboxMessage> messages) {
				throw new IllegalStateException("refused");
			}
		}, new MicrometerOutboxTracing(this.tracer, this.propagator, this.observations));
		this.outboxes.relay().start();
		appendInRequest("op-failed", "1");

		assertThat(this.outboxes.relay().drainDue()).isZero();

		SpanData delivery = spansNamed("outbox deliver t").get(0);
		assertThat(delivery.getStatus().getStatusCode()).isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
		assertThat(delivery.getAttributes().get(OPERATION_ID)).isEqualTo("op-failed");
	}

	@Test
	void aBatchRecordsOneSpanPerMessageInItsOwnTraceAndNothingForTheSharedCall() {
		Span first = appendInRequest("op-first", "1");
		Span second = appendInRequest("op-second", "2");
		Span third = appendInRequest("op-third", "3");
		this.exported.reset();

		assertThat(this.outboxes.relay().drainDue()).isEqualTo(3);

		List<SpanData> deliveries = spansNamed("outbox deliver t");
		assertThat(deliveries).hasSize(3);
		for (Span request : List.of(first, second, third)) {
			SpanData delivery = deliveries.stream()
				.filter((span) -> span.getTraceId().equals(request.context().traceId()))
				.findFirst()
				.orElseThrow();
			assertThat(delivery.getParentSpanId()).isEqualTo(request.context().spanId());
			assertThat(delivery.getAttributes().get(AttributeKey.longKey("outbox.batch_size"))).isEqualTo(3);
		}
		assertThat(deliveries).extracting((span) -> span.getAttributes().get(OPERATION_ID))
			.containsExactlyInAnyOrder("op-first", "op-second", "op-third");
		// The one call for all three: recorded by nothing, and not sampled downstream.
		assertThat(this.exported.getFinishedSpanItems()).hasSize(3);
		assertThat(this.calls).hasSize(1);
		assertThat(this.calls.get(0).get("traceparent")).endsWith("-00");
		assertThat(this.calls.get(0)).doesNotContainKey(OperationId.HEADER);
		assertThat(this.callOperationIds).containsExactly("null");
	}

	@Test
	void aMessageWithoutOperationIdIsDeliveredWithoutAnySpan() {
		this.transactions.executeWithoutResult((s) -> this.outboxes.outbox().append("t", "a", "x"));

		assertThat(this.outboxes.relay().drainDue()).isOne();

		assertThat(this.exported.getFinishedSpanItems()).isEmpty();
		assertThat(this.calls.get(0).get("traceparent")).endsWith("-00");
	}

	/** A handler of topic {@code t} that takes everything. */
	private static class RecordingHandler implements OutboxHandler {

		@Override
		public String topic() {
			return "t";
		}

		@Override
		public void deliver(List<OutboxMessage> messages) {
		}

	}

}
