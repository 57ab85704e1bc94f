package com.contentsuite.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Connections that hold the gateway without finishing a request are closed: partial
 * headers, trickled headers, silent keep-alive connections, and any over the cap.
 */
@TestPropertySource(properties = { "gateway.connections.header-read-timeout=500ms",
		"gateway.connections.idle-timeout=5s", "gateway.connections.max-connections=12" })
class ConnectionLimitsTests extends GatewayTestBase {

	private static final int MAX_CONNECTIONS = 12;

	private static final String HEALTH = "GET /actuator/health HTTP/1.1\r\nHost: gw\r\n\r\n";

	private final List<RawConnection> connections = new ArrayList<>();

	private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

	@AfterEach
	void closeConnections() {
		this.trickle.shutdownNow();
		this.connections.forEach(RawConnection::close);
		this.connections.clear();
	}

	private RawConnection open() {
		RawConnection connection = RawConnection.open(port);
		this.connections.add(connection);
		return connection;
	}

	private void assertAFreshConnectionIsServed() {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					RawHttp.send(port, "GET /users/5 HTTP/1.1\r\nHost: gw\r\noperationID: " + OPERATION_ID).status())
				.isEqualTo(200));
	}

	@Test
	void partialAndTrickledHeadersAreCutAtTheHeaderReadTimeout() {
		List<RawConnection> partial = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			RawConnection connection = open();
			connection.write("GET /users/5 HTTP/1.1\r\nHost: gw\r\noperationID: " + OPERATION_ID + "\r\n");
			partial.add(connection);
		}
		// One byte every 100 ms: a reader-idle timer (the idle timeout) would never fire.
		RawConnection trickled = open();
		trickled.write("GET /users/5 HTTP/1.1\r\nX-Slow: ");
		this.trickle.scheduleAtFixedRate(() -> trickled.write("a"), 100, 100, TimeUnit.MILLISECONDS);

		// Well before the 5 s idle timeout: only the header-read timeout closes them.
		await().atMost(Duration.ofSeconds(4))
			.untilAsserted(() -> assertThat(partial).allMatch(RawConnection::isClosedByServer));
		await().atMost(Duration.ofSeconds(10)).until(trickled::isClosedByServer);
		assertAFreshConnectionIsServed();
	}

	@Test
	void aKeepAliveConnectionOutlivesTheHeaderReadTimeoutAndClosesAtTheIdleTimeout() throws Exception {
		RawConnection connection = open();
		connection.write(HEALTH);
		assertThat(connection.readStatus()).isEqualTo(200);

		// Three header-read timeouts of silence between requests are fine...
		await().during(Duration.ofMillis(1500))
			.atMost(Duration.ofSeconds(3))
			.until(() -> !connection.isClosedByServer());
		connection.write(HEALTH);
		assertThat(connection.readStatus()).isEqualTo(200);
		// ...and the idle timeout closes the connection.
		await().atMost(Duration.ofSeconds(15)).until(connection::isClosedByServer);
	}

	@Test
	void aConnectionOverTheCapIsClosedAtOnceAndAFreshOneIsServedOnceOthersClose() {
		// Retried as a whole: connections of an earlier test may still be counted for a
		// moment after they closed.
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			closeConnections();
			for (int i = 0; i < MAX_CONNECTIONS; i++) {
				RawConnection connection = open();
				connection.write(HEALTH);
				assertThat(connection.readStatus()).as("connection %d", i).isEqualTo(200);
			}
			RawConnection over = open();
			over.write(HEALTH);
			assertThat(over.readStatus()).as("a connection over the cap").isEqualTo(-1);
		});

		closeConnections();
		assertAFreshConnectionIsServed();
	}

}
