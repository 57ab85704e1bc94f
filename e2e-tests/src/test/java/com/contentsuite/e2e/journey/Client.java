package com.contentsuite.e2e.journey;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the gateway as an app would be: JSON bodies, an operationID per request, a
 * token.
 */
final class Client {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private final String base;

	Client(String base) {
		this.base = base;
	}

	Answer get(String path, String token, Map<String, String> headers) throws IOException, InterruptedException {
		return send("GET", path, null, token, headers);
	}

	Answer post(String path, Object body, String token) throws IOException, InterruptedException {
		return send("POST", path, body, token, Map.of());
	}

	Answer put(String path, Object body, String token) throws IOException, InterruptedException {
		return send("PUT", path, body, token, Map.of());
	}

	Answer delete(String path, String token) throws IOException, InterruptedException {
		return send("DELETE", path, null, token, Map.of());
	}

	Answer send(String method, String path, Object body, String token, Map<String, String> headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(20));
		if (!headers.containsKey("operationID")) {
			request.header("operationID", "e2e-" + UUID.randomUUID());
		}
		if (token != null) {
			request.header("token", token);
		}
		headers.forEach(request::header);
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return answer(response);
	}

	/**
	 * A multipart upload with one file part, as an app's avatar upload would send it;
	 * {@code token} may be null for an anonymous attempt.
	 */
	Answer upload(String path, String part, String fileName, String contentType, byte[] bytes, String token)
			throws IOException, InterruptedException {
		String boundary = "e2e-" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(20))
			.header("operationID", "e2e-" + UUID.randomUUID())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary);
		if (token != null) {
			request.header("token", token);
		}
		HttpResponse<String> response = this.http.send(request
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
					HttpRequest.BodyPublishers.ofByteArray(bytes), HttpRequest.BodyPublishers.ofByteArray(tail)))
			.build(), HttpResponse.BodyHandlers.ofString());
		return answer(response);
	}

	private static Answer answer(HttpResponse<String> response) {
		return new Answer(response.statusCode(), response.headers().firstValue("operationID").orElse(null),
				response.body().isEmpty() ? null : JSON.readTree(response.body()), response.headers());
	}

	/** A GET whose answer is not JSON (a stored file). */
	HttpResponse<byte[]> raw(String path) throws IOException, InterruptedException {
		return this.http.send(
				HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(20)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	/**
	 * {@code answer}, once it is a success ({@code errCode 0}); the failure shows its
	 * body.
	 */
	static Answer ok(Answer answer) {
		org.assertj.core.api.Assertions.assertThat(answer.errCode()).as(String.valueOf(answer.body())).isZero();
		return answer;
	}

	/** One answer: status, echoed operationID, the envelope and the response headers. */
	record Answer(int status, String operationId, JsonNode body, HttpHeaders headers) {

		String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		int errCode() {
			return this.body.get("errCode").asInt();
		}

		JsonNode data() {
			return this.body.get("data");
		}

		String text(String field) {
			return this.body.get("data").get(field).asString();
		}

	}

}
