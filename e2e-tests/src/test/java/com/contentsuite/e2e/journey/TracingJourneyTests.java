package com.contentsuite.e2e.journey;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.contentsuite.e2e.journey.Client.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.contentsuite.e2e.journey.Client.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One request found by its operationID in Zipkin (docs/operations.md): every process of
 * the packaged suite sends every span to the in-memory Zipkin the suite started, and
 * Zipkin's search {@code operationID=<id>} finds the request's whole trace, every span of
 * it tagged with that operationID: the gateway's, article-service's (and its call to
 * user-service) and user-service's. An outbox delivery lands in the trace of the request
 * that caused it.
 */
@ExtendWith(RunningSuite.Resolver.class)
class TracingJourneyTests {

	/** Spans leave each process in batches every 5 s. */
	private static final Duration ARRIVAL = Duration.ofSeconds(60);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private static RunningSuite running;

	private static Suite suite;

	private static Client client;

	@BeforeAll
	static void useSuite(RunningSuite shared) {
		running = shared;
		suite = shared.suite;
		client = shared.client;
	}

	@Test
	void aRequestIsOneTraceInZipkinAndEverySpanOfItCarriesItsOperationId() throws Exception {
		SignedInUser alice = SignedInUser.register(running);
		ok(client.post("/articles", Map.of("title", "Traced", "content", "Found by its operationID"), alice.token()));

		String operationId = "e2e-trace-" + UUID.randomUUID();
		ok(client.get("/articles/new?size=20", alice.token(), Map.of("operationID", operationId)));

		List<JsonNode> spans = await().atMost(ARRIVAL)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> spansTagged(operationId),
					(found) -> serviceNames(found).containsAll(Set.of("gateway", "article-service", "user-service"))
							&& kinds(found, "user-service").contains("SERVER"));

		assertThat(spans).as("every span of the request")
			.allSatisfy((span) -> assertThat(tag(span, "operationID")).as(describe(span)).isEqualTo(operationId));
		assertThat(spans.stream().map((span) -> span.get("traceId").asString()).distinct()).as("one trace").hasSize(1);
		JsonNode gateway = only(spans, "gateway", "SERVER");
		JsonNode article = only(spans, "article-service", "SERVER");
		JsonNode user = only(spans, "user-service", "SERVER");
		assertThat(article.get("parentId").asString()).as("article-service continues the gateway's span")
			.isEqualTo(gateway.get("id").asString());
		JsonNode call = spans.stream()
			.filter((span) -> span.get("id").asString().equals(user.get("parentId").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("user-service's caller is not in the trace"));
		assertThat(serviceName(call)).as("user-service is called by article-service's Feign client")
			.isEqualTo("article-service");
		assertThat(call.get("kind").asString()).isEqualTo("CLIENT");
	}

	@Test
	void anOutboxDeliveryIsInTheTraceOfTheRequestThatCausedIt() throws Exception {
		SignedInUser alice = SignedInUser.register(running);
		SignedInUser bob = SignedInUser.register(running);
		String articleId = ok(
				client.post("/articles", Map.of("title", "Liked", "content", "Notify my author"), alice.token()))
			.text("articleID");

		String operationId = "e2e-like-" + UUID.randomUUID();
		ok(client.send("PUT", "/articles/" + articleId + "/likes", Map.of("status", 1), bob.token(),
				Map.of("operationID", operationId)));

		// The notification to alice: article-service's outbox delivers it to user-service
		// after the like's transaction committed. Delivered alone (the usual case here),
		// its call to user-service is in the trace too; in a batch it is not traced at
		// all.
		List<JsonNode> spans = await().atMost(ARRIVAL)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> spansTagged(operationId), (found) -> {
				JsonNode delivery = delivery(found);
				return delivery != null && (delivery.path("tags").has("outbox.batch_size") || receipt(found) != null);
			});

		JsonNode delivery = delivery(spans);
		assertThat(serviceName(delivery)).isEqualTo("article-service");
		assertThat(tag(delivery, "operationID")).isEqualTo(operationId);
		assertThat(tag(delivery, "topic")).isEqualTo("notification");
		JsonNode like = only(spans, "article-service", "SERVER");
		assertThat(delivery.get("traceId").asString()).as("the like's trace").isEqualTo(like.get("traceId").asString());
		assertThat(spans)
			.allSatisfy((span) -> assertThat(tag(span, "operationID")).as(describe(span)).isEqualTo(operationId));
		if (!delivery.path("tags").has("outbox.batch_size")) {
			JsonNode received = receipt(spans);
			assertThat(received.get("traceId").asString()).isEqualTo(delivery.get("traceId").asString());
			assertThat(ancestors(spans, received)).as("the delivery makes the call (through its circuit breaker)")
				.contains(delivery.get("id").asString());
		}
	}

	/**
	 * The IDs of the spans above {@code span}, nearest first, as far as they are known.
	 */
	private static List<String> ancestors(List<JsonNode> spans, JsonNode span) {
		Map<String, JsonNode> byId = spans.stream()
			.collect(Collectors.toMap((each) -> each.get("id").asString(), (each) -> each, (a, b) -> a));
		List<String> ancestors = new ArrayList<>();
		JsonNode current = span;
		while (current != null && current.hasNonNull("parentId") && ancestors.size() < spans.size()) {
			String parent = current.get("parentId").asString();
			ancestors.add(parent);
			current = byId.get(parent);
		}
		return ancestors;
	}

	/** user-service's server span of {@code POST /internal/users/notifications}. */
	private static JsonNode receipt(List<JsonNode> spans) {
		return spans.stream()
			.filter((span) -> serviceName(span).equals("user-service") && span.path("kind").asString().equals("SERVER")
					&& span.path("name").asString().contains("notifications"))
			.findFirst()
			.orElse(null);
	}

	/** Every span of the traces Zipkin finds by the tag {@code operationID}. */
	private static List<JsonNode> spansTagged(String operationId) throws IOException, InterruptedException {
		String query = URLEncoder.encode("operationID=" + operationId, StandardCharsets.UTF_8);
		HttpResponse<String> response = HTTP.send(HttpRequest
			.newBuilder(URI.create(suite.zipkinUrl() + "/api/v2/traces?limit=10&annotationQuery=" + query))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<JsonNode> spans = new ArrayList<>();
		JSON.readTree(response.body()).forEach((trace) -> trace.forEach(spans::add));
		return spans;
	}

	private static JsonNode delivery(List<JsonNode> spans) {
		return spans.stream()
			.filter((span) -> span.path("name").asString().startsWith("outbox deliver"))
			.findFirst()
			.orElse(null);
	}

	private static JsonNode only(List<JsonNode> spans, String service, String kind) {
		List<JsonNode> matching = spans.stream()
			.filter((span) -> serviceName(span).equals(service) && span.path("kind").asString().equals(kind))
			.toList();
		assertThat(matching).as("%s %s spans in %s", service, kind, names(spans)).hasSize(1);
		return matching.get(0);
	}

	private static Set<String> serviceNames(List<JsonNode> spans) {
		return spans.stream().map(TracingJourneyTests::serviceName).collect(Collectors.toSet());
	}

	private static Set<String> kinds(List<JsonNode> spans, String service) {
		return spans.stream()
			.filter((span) -> serviceName(span).equals(service))
			.map((span) -> span.path("kind").asString())
			.collect(Collectors.toSet());
	}

	private static String serviceName(JsonNode span) {
		return span.path("localEndpoint").path("serviceName").asString();
	}

	private static String tag(JsonNode span, String name) {
		JsonNode value = span.path("tags").get(name);
		return (value != null) ? value.asString() : null;
	}

	private static String describe(JsonNode span) {
		return serviceName(span) + " " + span.path("kind").asString() + " " + span.path("name").asString();
	}

	private static List<String> names(List<JsonNode> spans) {
		return spans.stream().map(TracingJourneyTests::describe).toList();
	}

}
