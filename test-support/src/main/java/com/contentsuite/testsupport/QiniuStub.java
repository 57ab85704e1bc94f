package com.contentsuite.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for Qiniu's upload host: records each form upload and answers with the
 * configured status.
 */
public final class QiniuStub implements AutoCloseable {

	private final HttpServer server;

	private final List<String> uploads = new CopyOnWriteArrayList<>();

	private volatile int status = 200;

	public QiniuStub() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public void answer(int status) {
		this.status = status;
	}

	/**
	 * Each upload's method, path, content type and body (ISO-8859-1, so bytes survive).
	 */
	public List<String> uploads() {
		return this.uploads;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			this.uploads.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n"
					+ exchange.getRequestHeaders().getFirst("Content-Type") + "\n"
					+ new String(body.readAllBytes(), StandardCharsets.ISO_8859_1));
		}
		int answer = this.status;
		byte[] response = ((answer == 200) ? "{\"hash\":\"Fh8x\",\"key\":\"k\"}" : "{\"error\":\"stub failure\"}")
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("X-Reqid", "stub-" + System.nanoTime());
		exchange.sendResponseHeaders(answer, response.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(response);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
