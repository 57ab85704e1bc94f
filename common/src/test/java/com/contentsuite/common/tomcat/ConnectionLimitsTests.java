package com.contentsuite.common.tomcat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.contentsuite.common.tomcat.RawHttp.Answer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Connections that never finish their headers, or sit idle after an answer, are closed by
 * the service; the timeouts are made small here, suite-defaults holds the real ones.
 */
@SpringBootTest(classes = SampleServletApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "suite.internal-auth.open-paths=" + SampleServletApplication.PING,
				"server.tomcat.connection-timeout=500ms", "server.tomcat.keep-alive-timeout=1s" })
class ConnectionLimitsTests {

	@LocalServerPort
	private int port;

	@Test
	void aPartialRequestLineIsClosed() throws IOException {
		try (Socket socket = open("GET /pi")) {
			awaitClosed(socket);
		}
	}

	@Test
	void headersThatNeverEndAreClosed() throws IOException {
		try (Socket socket = open("GET /ping HTTP/1.1\r\nHost: x\r\nX-Slow: ")) {
			awaitClosed(socket);
		}
	}

	@Test
	void anIdleKeepAliveConnectionIsClosedAfterItsAnswer() throws IOException {
		try (Socket socket = open("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n")) {
			String answer = readPong(socket);
			assertThat(answer).startsWith("HTTP/1.1 200").endsWith("pong");

			awaitClosed(socket);
		}
	}

	@Test
	void headersTheGatewayMayForwardAreAcceptedAndLargerOnesRefused() {
		// The gateway takes 8 KB of client headers and adds its own: the service takes
		// more.
		Answer twelveKb = RawHttp.exchange(this.port,
				"GET /ping HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(12 * 1024) + "\r\nConnection: close\r\n\r\n");
		Answer twentyKb = RawHttp.exchange(this.port,
				"GET /ping HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20 * 1024) + "\r\nConnection: close\r\n\r\n");

		assertThat(twelveKb.status()).isEqualTo(200);
		assertThat(twentyKb.status()).isEqualTo(400);
		assertThat(twentyKb.header("Content-Type")).isEqualTo("application/json");
	}

	private Socket open(String request) throws IOException {
		Socket socket = new Socket("127.0.0.1", this.port);
		socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
		socket.getOutputStream().flush();
		return socket;
	}

	// Whatever Tomcat may say before closing is read and dropped; only the close counts.
	private static void awaitClosed(Socket socket) throws IOException {
		socket.setSoTimeout(100);
		InputStream in = socket.getInputStream();
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> {
			try {
				return in.read() == -1;
			}
			catch (SocketTimeoutException ex) {
				return false;
			}
		});
	}

	// The answer to /ping, read up to its body without waiting for the server to close.
	private static String readPong(Socket socket) throws IOException {
		socket.setSoTimeout(5000);
		InputStream in = socket.getInputStream();
		StringBuilder text = new StringBuilder();
		int c;
		while (!text.toString().endsWith("pong") && (c = in.read()) >= 0) {
			text.append((char) c);
		}
		return text.toString();
	}

}
