package com.contentsuite.user.avatar;

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
import com.contentsuite.testsupport.SignedHeaders;
import com.contentsuite.user.Api;
import com.contentsuite.testsupport.ServiceApi.Reply;

/** Multipart uploads and raw file downloads, signed as the gateway signs them. */
final class Uploads {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	private final String secret;

	Uploads(int port, String secret) {
		this.port = port;
		this.secret = secret;
	}

	/** POST /users/avatar with one file part. */
	Reply avatar(Long userId, String part, String fileName, String contentType, byte[] bytes) {
		String boundary = "----avatar" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(filePart(boundary, part, fileName, contentType, bytes));
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return raw(userId, "multipart/form-data; boundary=" + boundary, body.toByteArray());
	}

	/** One file part with its leading boundary and trailing line break. */
	static byte[] filePart(String boundary, String part, String fileName, String contentType, byte[] bytes) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(bytes);
		body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	/** POST /users/avatar with a body and Content-Type exactly as given. */
	Reply raw(Long userId, String contentType, byte[] body) {
		InternalAuth auth = new InternalAuth(this.secret, 60_000, Api.GATEWAY, Clock.systemUTC());
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/users/avatar"))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		SignedHeaders.asGateway(auth, "POST", "/users/avatar", userId).forEach(request::header);
		HttpResponse<byte[]> response = send(request.build());
		return new Reply(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
				response.headers().map());
	}

	/**
	 * GET of a raw path (not re-encoded by URI handling), unsigned as /files/** allows.
	 */
	HttpResponse<byte[]> file(String rawPath) {
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
