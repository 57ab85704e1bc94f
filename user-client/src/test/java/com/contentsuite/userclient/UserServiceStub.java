package com.contentsuite.userclient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * user-service over real HTTP, answering each path as a test {@link #answer sets it} and
 * remembering every call (path, body, signature header).
 */
final class UserServiceStub {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final Map<String, Function<JsonNode, Answer>> answers = new ConcurrentHashMap<>();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	UserServiceStub() {
		System.setProperty("sun.net.httpserver.nodelay", "true");
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	void answer(String path, Function<JsonNode, Answer> answer) {
		this.answers.put(path, answer);
	}

	/** Answers {@code data} in a success envelope, whatever was asked. */
	void ok(String path, String data) {
		answer(path, (body) -> Answer.ok(data));
	}

	List<Call> calls(String path) {
		return this.calls.stream().filter((call) -> call.path().equals(path)).toList();
	}

	void reset() {
		this.answers.clear();
		this.calls.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		JsonNode body;
		try (InputStream in = exchange.getRequestBody()) {
			body = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		this.calls.add(new Call(path, body, exchange.getRequestHeaders().getFirst("X-Internal-Auth")));
		Function<JsonNode, Answer> answer = this.answers.get(path);
		Answer reply = (answer != null) ? answer.apply(body)
				: new Answer(404, "{\"errCode\":1004,\"errMsg\":\"RecordNotFoundError\",\"errDlt\":\"no route\"}");
		byte[] json = reply.json().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(reply.status(), json.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(json);
		}
	}

	record Call(String path, JsonNode body, String signature) {
	}

	record Answer(int status, String json) {

		static Answer ok(String data) {
			return new Answer(200, "{\"errCode\":0,\"errMsg\":\"\",\"errDlt\":\"\",\"data\":" + data + "}");
		}

		static Answer down() {
			return new Answer(503, "{\"errCode\":1006,\"errMsg\":\"ServiceUnavailableError\",\"errDlt\":\"down\"}");
		}

		static Answer refused() {
			return new Answer(403, "{\"errCode\":1002,\"errMsg\":\"NoPermissionError\",\"errDlt\":\"signature\"}");
		}

	}

}
