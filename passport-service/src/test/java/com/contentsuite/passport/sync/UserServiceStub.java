package com.contentsuite.passport.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * user-service's {@code POST /internal/users/sync} on a fixed port: refusing connections
 * until started, then answering with a status the test chooses and recording each call.
 */
final class UserServiceStub {

	final int port = freePort();

	final List<Received> received = new CopyOnWriteArrayList<>();

	private volatile int status = 200;

	private HttpServer server;

	void answerWith(int status) {
		this.status = status;
	}

	synchronized void start() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", this.port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/internal/users/sync", this::handle);
		this.server.start();
	}

	synchronized void stop() {
		if (this.server != null) {
			this.server.stop(0);
			this.server = null;
		}
	}

	List<Received> receivedFor(String userId) {
		return this.received.stream().filter((call) -> call.body().contains("\"userID\":\"" + userId + "\"")).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body,
					exchange.getRequestHeaders().getFirst("X-Internal-Auth"),
					exchange.getRequestHeaders().getFirst("operationID")));
		}
		int answer = this.status;
		byte[] json = ((answer < 300) ? "{\"errCode\":0,\"errMsg\":\"\",\"errDlt\":\"\",\"data\":{}}"
				: "{\"errCode\":1006,\"errMsg\":\"ServiceUnavailableError\",\"errDlt\":\"down\"}")
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(answer, json.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(json);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Received(String method, String path, String body, String signature, String operationId) {
	}

}
