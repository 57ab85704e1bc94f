package com.contentsuite.common.outbox;

import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The shared outbox against the real database ({@code TEST_MYSQL_URL}, default the
 * MariaDB on 127.0.0.1; common cannot use test-support, which depends on it): order per
 * aggregate, a claim held by another instance, a retried delivery that timed out after
 * the receiver applied it, the purge. The relay is not started: each test drives its
 * drains.
 */
class OutboxRelayIntegrationTests {

	private static final String BASE = System.getenv().getOrDefault("TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/");

	private static final String USER = System.getenv().getOrDefault("TEST_MYSQL_USER", "root");

	private static final String PASSWORD = System.getenv().getOrDefault("TEST_MYSQL_PASSWORD", "");

	private static final String SCHEMA = "common_outbox_test";

	private static final String URL = (BASE.endsWith("/") ? BASE : BASE + "/") + SCHEMA
			+ "?useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";

	private final List<String> delivered = new CopyOnWriteArrayList<>();

	private final Map<String, Integer> applied = new ConcurrentHashMap<>();

	private volatile Predicate<OutboxMessage> failing = (m) -> false;

	private volatile boolean timeOutAfterApplying;

	private JdbcTemplate jdbc;

	private TransactionTemplate transactions;

	private Outboxes outboxes;

	@BeforeEach
	void setUp() throws Exception {
		try (Connection db = DriverManager.getConnection(BASE, USER, PASSWORD);
				Statement statement = db.createStatement()) {
			statement.execute("CREATE DATABASE IF NOT EXISTS " + SCHEMA);
			statement.execute("DROP TABLE IF EXISTS " + SCHEMA + ".outbox_event");
		}
		DriverManagerDataSource dataSource = new DriverManagerDataSource(URL, USER, PASSWORD);
		this.jdbc = new JdbcTemplate(dataSource);
		DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
		this.transactions = new TransactionTemplate(manager);
		OutboxHandler handler = new OutboxHandler() {
			@Override
			public String topic() {
				return "t";
			}

			@Override
			public int batchSize() {
				return 10;
			}

			@Override
			public void deliver(List<OutboxMessage> messages) {
				for (OutboxMessage message : messages) {
					if (OutboxRelayIntegrationTests.this.failing.test(message)) {
						throw new IllegalStateException("receiver refused " + message.payload());
					}
				}
				for (OutboxMessage message : messages) {
					OutboxRelayIntegrationTests.this.applied.merge(message.eventId(), 1, Integer::sum);
				}
				if (OutboxRelayIntegrationTests.this.timeOutAfterApplying) {
					OutboxRelayIntegrationTests.this.timeOutAfterApplying = false;
					throw new RuntimeException(new SocketTimeoutException("Read timed out"));
				}
				messages.forEach((m) -> OutboxRelayIntegrationTests.this.delivered.add(m.payload()));
			}
		};
		OutboxProperties properties = new OutboxProperties(false, "outbox_event", Duration.ofMillis(1),
				Duration.ofMillis(1), Duration.ofHours(1), Duration.ofSeconds(30), 50, Duration.ofDays(3),
				Duration.ofHours(1));
		this.outboxes = new Outboxes(this.jdbc, manager, List.of(handler), properties, JsonMapper.builder().build(),
				Clock.systemUTC(), "test", OutboxTracing.NONE);
		this.outboxes.relay().start();
	}

	@AfterEach
	void tearDown() {
		this.outboxes.relay().stop();
	}

	private void append(String aggregate, String payload) {
		this.transactions.executeWithoutResult((s) -> this.outboxes.outbox().append("t", aggregate, payload));
	}

	/** Drains until nothing is due; failed events are due again after 1 ms. */
	private void drainAll() throws InterruptedException {
		for (int i = 0; i < 50 && pending() > 0; i++) {
			this.outboxes.relay().drainDue();
			Thread.onSpinWait();
		}
	}

	private long pending() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE delivered_at IS NULL", Long.class);
	}

	@Test
	void anEventOutsideATransactionIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> this.outboxes.outbox().append("t", "a", "x"));
		assertThat(pending()).isZero();
	}

	@Test
	void aRolledBackChangeLeavesNoEvent() {
		try {
			this.transactions.executeWithoutResult((s) -> {
				this.outboxes.outbox().append("t", "a", "x");
				throw new IllegalStateException("the change fails");
			});
		}
		catch (IllegalStateException expected) {
			// rolled back
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event", Long.class)).isZero();
	}

	@Test
	void eventsOfOneAggregateArriveInOrderAndAFailureHoldsBackOnlyItsAggregate() throws Exception {
		append("a", "a1");
		append("a", "a2");
		append("b", "b1");
		append("a", "a3");
		this.failing = (m) -> m.payload().contains("a1");

		this.outboxes.relay().drainDue();
		assertThat(this.delivered).containsExactly("\"b1\"");

		this.failing = (m) -> false;
		drainAll();
		assertThat(this.delivered).containsExactly("\"b1\"", "\"a1\"", "\"a2\"", "\"a3\"");
		assertThat(
				this.jdbc.queryForObject("SELECT attempts FROM outbox_event WHERE payload = '\"a1\"'", Integer.class))
			.as("a1 failed (and, backed off by 1 ms, may have been retried in the same drain)")
			.isPositive();
	}

	@Test
	void anEventAnotherInstanceIsClaimingHoldsBackItsSuccessor() throws Exception {
		append("a", "a1");
		append("a", "a2");
		append("b", "b1");
		try (Connection other = DriverManager.getConnection(URL, USER, PASSWORD)) {
			other.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
			other.setAutoCommit(false);
			long first = this.jdbc.queryForObject("SELECT MIN(id) FROM outbox_event", Long.class);
			try (Statement claim = other.createStatement()) {
				claim.executeQuery("SELECT id FROM outbox_event WHERE id = " + first + " FOR UPDATE");
				this.outboxes.relay().drainDue();
			}
			other.rollback();
		}
		assertThat(this.delivered).as("a2 waits for a1, which the other instance holds").containsExactly("\"b1\"");
		drainAll();
		assertThat(this.delivered).containsExactly("\"b1\"", "\"a1\"", "\"a2\"");
	}

	@Test
	void aDeliveryThatTimedOutAfterTheReceiverAppliedItIsSentAgainWithTheSameEventId() throws Exception {
		append("a", "x");
		this.timeOutAfterApplying = true;
		this.outboxes.relay().drainDue();
		assertThat(pending()).as("not marked delivered after the timeout").isEqualTo(1);
		drainAll();
		assertThat(pending()).isZero();
		assertThat(this.applied).hasSize(1);
		assertThat(this.applied.values()).containsExactly(2);
		assertThat(this.applied.keySet().iterator().next()).startsWith("test:outbox_event:");
		assertThat(this.delivered).containsExactly("\"x\"");
	}

	@Test
	void thePurgeDeletesDeliveredRowsOlderThanTheRetentionOnly() throws Exception {
		append("a", "old");
		append("b", "recent");
		append("c", "waiting");
		this.failing = (m) -> m.payload().contains("waiting");
		this.outboxes.relay().drainDue();
		this.jdbc.update("UPDATE outbox_event SET delivered_at = NOW(3) - INTERVAL 4 DAY WHERE payload = '\"old\"'");

		assertThat(this.outboxes.relay().purgeDelivered()).isEqualTo(1);
		assertThat(this.jdbc.queryForList("SELECT payload FROM outbox_event ORDER BY id", String.class))
			.containsExactly("\"recent\"", "\"waiting\"");
	}

}
