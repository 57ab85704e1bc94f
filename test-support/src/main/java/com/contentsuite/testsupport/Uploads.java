package com.contentsuite.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import com.contentsuite.common.internal.InternalAuth;
import com.contentsuite.testsupport.ServiceApi.Reply;

/**
 * Multipart uploads to one route ({@code /users/avatar}, {@code /chatx/moments/images})
 * and raw file downloads, signed as the gateway signs them.
 */
public class Uploads {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	private final String secret;

	private final String route;

	public Uploads(int port, String secret, String route) {
		this.port = port;
		this.secret = secret;
		this.route = route;
	}

	/** POST to the route with one file part. */
	public Reply upload(Long userId, String part, String fileName, String contentType, byte[] bytes) {
		String boundary = "----upload" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(filePart(boundary, part, fileName, contentType, bytes));
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return raw(userId, "multipart/form-data; boundary=" + boundary, body.toByteArray());
	}

	/** One file part with its leading boundary and trailing line break. */
	public static byte[] filePart(String boundary, String part, String fileName, String contentType, byte[] bytes) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(bytes);
		body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	/** POST to the route with a body and Content-Type exactly as given. */
	public Reply raw(Long userId, String contentType, byte[] body) {
		InternalAuth auth = new InternalAuth(this.secret, 60_000, ServiceApi.GATEWAY, Clock.systemUTC());
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + this.route))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		SignedHeaders.asGateway(auth, "POST", this.route, userId).forEach(request::header);
		HttpResponse<byte[]> response = send(request.build());
		return new Reply(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
				response.headers().map());
	}

	/**
	 * GET of a raw path (not re-encoded by URI handling), unsigned as /files/** allows.
	 */
	public HttpResponse<byte[]> file(String rawPath) {
		return send(HttpRequest.newBuilder(URI.create(base() + rawPath)).timeout(Duration.ofSeconds(10)).GET().build());
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private HttpResponse<byte[]> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
