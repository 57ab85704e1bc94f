package com.contentsuite.common.tomcat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Requests written byte for byte on a socket, so that a test sends what no HTTP client
 * would and sees exactly what the server answers.
 */
final class RawHttp {

	private RawHttp() {
	}

	/** Sends {@code request} and reads the answer until the server closes. */
	static Answer exchange(int port, String request) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			return Answer.parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A status, headers by lower-case name, and the body as sent. */
	record Answer(int status, Map<String, String> headers, String body) {

		static Answer parse(String raw) {
			int end = raw.indexOf("\r\n\r\n");
			if (end < 0) {
				throw new IllegalStateException("no complete answer: " + raw);
			}
			String[] lines = raw.substring(0, end).split("\r\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
			return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(end + 4));
		}

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}
