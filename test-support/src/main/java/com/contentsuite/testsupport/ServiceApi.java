package com.contentsuite.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.contentsuite.common.internal.InternalAuth;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a service on its random port over real HTTP, signed the way the gateway or a
 * sibling signs: {@code gateway} for public routes, {@code passport-service} for
 * {@code /internal/**}. Services' tests extend it with their own helpers.
 */
public class ServiceApi {

	public static final String GATEWAY = InternalAuth.GATEWAY_CALLER;

	public static final String PASSPORT = "passport-service";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String secret;

	private final Duration timeout;

	public ServiceApi(int port, String secret) {
		this(port, secret, Duration.ofSeconds(10));
	}

	/**
	 * Calls that fail with HttpTimeoutException when no answer comes within
	 * {@code timeout}.
	 */
	public ServiceApi(int port, String secret, Duration timeout) {
		this.base = "http://127.0.0.1:" + port;
		this.secret = secret;
		this.timeout = timeout;
	}

	/** A public route as the gateway forwards it; {@code userId} null for anonymous. */
	public Reply get(String path, Long userId) {
		return send("GET", path, GATEWAY, userId, null);
	}

	public Reply put(String path, Long userId, String json) {
		return send("PUT", path, GATEWAY, userId, json);
	}

	/** An internal route as passport-service calls it. */
	public Reply internal(String path, String json) {
		return send("POST", path, PASSPORT, null, json);
	}

	public Reply send(String method, String path, String caller, Long userId, String json) {
		InternalAuth auth = new InternalAuth(this.secret, 60_000, caller, Clock.systemUTC());
		String rawPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
		return sendWithHeaders(method, path, SignedHeaders.asGateway(auth, method, rawPath, userId), json);
	}

	/** As the gateway forwards it, with {@code extra} headers (Idempotency-Key, say). */
	public Reply send(String method, String path, Long userId, String json, Map<String, String> extra) {
		InternalAuth auth = new InternalAuth(this.secret, 60_000, GATEWAY, Clock.systemUTC());
		String rawPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
		Map<String, String> headers = new java.util.LinkedHashMap<>(
				SignedHeaders.asGateway(auth, method, rawPath, userId));
		headers.putAll(extra);
		return sendWithHeaders(method, path, headers, json);
	}

	public Reply sendWithHeaders(String method, String path, Map<String, String> headers, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(this.timeout)
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(method + " " + path + " interrupted", ex);
		}
	}

	public static String quote(String value) {
		return (value != null) ? JSON.writeValueAsString(value) : "null";
	}

	/** An answer: status, the raw body and its envelope. */
	public record Reply(int status, String body, Map<String, java.util.List<String>> headers) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public int errCode() {
			return json().get("errCode").intValue();
		}

		public String errDlt() {
			return json().get("errDlt").stringValue();
		}

		public JsonNode data() {
			return json().get("data");
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

}
