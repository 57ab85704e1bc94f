package com.contentsuite.passport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.contentsuite.common.internal.InternalAuth;
import com.contentsuite.testsupport.SignedHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls passport on its test port the way the gateway does: signed, with operationID. */
public final class PassportClient {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final InternalAuth auth;

	PassportClient(int port, InternalAuth auth) {
		this.base = "http://127.0.0.1:" + port;
		this.auth = auth;
	}

	public URI uri(String path) {
		return URI.create(this.base + path);
	}

	public Answer post(String path, Object body) {
		return send(request("POST", path, body, null, Map.of()));
	}

	public Answer put(String path, Object body, Long userId) {
		return send(request("PUT", path, body, userId, Map.of()));
	}

	/** A call with a verified user and extra headers (the forwarded token, ...). */
	public Answer send(String method, String path, Object body, Long userId, Map<String, String> headers) {
		return send(request(method, path, body, userId, headers));
	}

	public HttpRequest.Builder request(String method, String path, Object body, Long userId,
			Map<String, String> headers) {
		int query = path.indexOf('?');
		String rawPath = (query >= 0) ? path.substring(0, query) : path;
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
		SignedHeaders.asGateway(this.auth, method, rawPath, userId).forEach(request::header);
		headers.forEach(request::header);
		if (body == null) {
			return request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		String json = (body instanceof String text) ? text : JSON.writeValueAsString(body);
		return request.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json));
	}

	public Answer send(HttpRequest.Builder request) {
		HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
		JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
		return new Answer(response.statusCode(), body, response);
	}

	public <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
		try {
			return this.http.send(request.build(), handler);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** One answer: status and the parsed body. */
	public record Answer(int status, JsonNode body, HttpResponse<String> raw) {

		public int errCode() {
			return this.body.get("errCode").asInt();
		}

		public String errDlt() {
			return this.body.get("errDlt").asString();
		}

		public JsonNode data() {
			return this.body.get("data");
		}

		public String text(String field) {
			return data().get(field).asString();
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
