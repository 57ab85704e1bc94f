package com.contentsuite.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JDK HTTP server standing in for a service: records every request it receives and, by
 * default, echoes method, raw path, headers and body size back as an envelope.
 */
final class StubServer {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "stub");
		thread.setDaemon(true);
		return thread;
	});

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private StubServer(HttpServer server) {
		this.server = server;
		this.server.setExecutor(this.executor);
		route("/", StubServer::echo);
		this.server.start();
	}

	static StubServer start() {
		try {
			return new StubServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Answers requests under {@code prefix} with {@code handler}, after recording them;
	 * the longest matching prefix wins.
	 */
	void route(String prefix, Handler handler) {
		this.server.createContext(prefix, (exchange) -> handle(exchange, handler));
	}

	private void handle(HttpExchange exchange, Handler handler) throws IOException {
		try (exchange) {
			long bodyBytes;
			try (InputStream body = exchange.getRequestBody()) {
				bodyBytes = body.transferTo(OutputStream.nullOutputStream());
			}
			Map<String, List<String>> headers = new LinkedHashMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers
					.computeIfAbsent(name.toLowerCase(Locale.ROOT), (k) -> new ArrayList<>())
					.addAll(values));
			Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers,
					bodyBytes);
			this.received.add(request);
			handler.handle(exchange, request);
		}
		catch (IOException | RuntimeException ex) {
			// The gateway may have given up on this request (a timeout test): nothing to
			// do.
		}
	}

	static void echo(HttpExchange exchange, Received request) throws IOException {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("method", request.method());
		data.put("path", request.rawPath());
		data.put("headers", request.headers());
		data.put("bodyBytes", request.bodyBytes());
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("errCode", 0);
		envelope.put("errMsg", "");
		envelope.put("errDlt", "");
		envelope.put("data", data);
		send(exchange, 200, JSON.writeValueAsString(envelope));
	}

	static void send(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
	}

	String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	/** Requests whose raw path starts with {@code prefix}. */
	List<Received> receivedUnder(String prefix) {
		return this.received.stream().filter((request) -> request.rawPath().startsWith(prefix)).toList();
	}

	/**
	 * Requests that carried {@code operationID} (every forwarded request carries one).
	 */
	List<Received> receivedWithOperation(String operationId) {
		return this.received.stream().filter((request) -> operationId.equals(request.header("operationID"))).toList();
	}

	void stop() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	@FunctionalInterface
	interface Handler {

		void handle(HttpExchange exchange, Received request) throws IOException;

	}

	/** What the stub saw: header names lower-cased, every copy of each value kept. */
	record Received(String method, String rawPath, Map<String, List<String>> headers, long bodyBytes) {

		String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values == null || values.isEmpty()) ? null : values.get(0);
		}

		List<String> headerValues(String name) {
			return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
		}

	}

}
