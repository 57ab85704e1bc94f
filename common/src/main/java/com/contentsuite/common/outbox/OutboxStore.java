package com.contentsuite.common.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.contentsuite.common.jdbc.SqlTimes;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The outbox table's statements, all of them. Times are written as text (see
 * {@link SqlTimes}). The table's shape is {@link #DDL}.
 */
final class OutboxStore {

	/**
	 * The table. {@code idx_due} serves the claim and the purge; {@code idx_aggregate}
	 * the check that an event is the oldest undelivered one of its aggregate.
	 * {@code operation_id} and {@code trace_parent} (the appending request's operationID
	 * and W3C traceparent, for the delivery's span) are added to older tables by
	 * {@link #addTraceColumnsIfMissing}.
	 */
	static final String DDL = """
			CREATE TABLE IF NOT EXISTS %1$s (
			    id              BIGINT       NOT NULL AUTO_INCREMENT,
			    topic           VARCHAR(64)  NOT NULL,
			    aggregate_key   VARCHAR(128) NOT NULL,
			    payload         TEXT         NOT NULL,
			    created_at      DATETIME(3)  NOT NULL,
			    attempts        INT          NOT NULL DEFAULT 0,
			    next_attempt_at DATETIME(3)  NOT NULL,
			    delivered_at    DATETIME(3)  NULL,
			    last_error      VARCHAR(255) NULL,
			    operation_id    VARCHAR(64)  NULL,
			    trace_parent    VARCHAR(64)  NULL,
			    PRIMARY KEY (id),
			    KEY idx_%1$s_due (delivered_at, next_attempt_at),
			    KEY idx_%1$s_aggregate (aggregate_key, delivered_at, id)
			) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci""";

	/** The columns added after the table's first shape, both {@code VARCHAR(64) NULL}. */
	static final List<String> TRACE_COLUMNS = List.of("operation_id", "trace_parent");

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final String table;

	private final String source;

	OutboxStore(JdbcTemplate jdbc, String table, String service) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.table = table;
		this.source = service + ":" + table + ":";
	}

	String table() {
		return this.table;
	}

	void createTableIfMissing() {
		this.jdbc.execute(DDL.formatted(this.table));
	}

	/**
	 * Adds the columns of {@link #TRACE_COLUMNS} that a table created before them lacks
	 * (every deployment's tables, and passport's {@code account_outbox} of its Flyway
	 * migration V4). Nullable, added at the end: an instant change on MySQL 8 and
	 * MariaDB. Two instances starting at once may both try; the one that loses finds the
	 * columns there.
	 */
	void addTraceColumnsIfMissing() {
		List<String> missing = missingTraceColumns();
		if (missing.isEmpty()) {
			return;
		}
		String columns = String.join(", ",
				missing.stream().map((name) -> "ADD COLUMN " + name + " VARCHAR(64) NULL").toList());
		try {
			this.jdbc.execute("ALTER TABLE " + this.table + " " + columns);
		}
		catch (DataAccessException ex) {
			if (!missingTraceColumns().isEmpty()) {
				throw ex;
			}
		}
	}

	private List<String> missingTraceColumns() {
		List<String> present = this.jdbc
			.queryForList("SELECT LOWER(column_name) FROM information_schema.columns WHERE table_schema = DATABASE()"
					+ " AND LOWER(table_name) = LOWER(?)", String.class, this.table);
		return TRACE_COLUMNS.stream().filter((name) -> !present.contains(name)).toList();
	}

	void insert(String topic, String aggregateKey, String payload, Instant now, String operationId,
			String traceParent) {
		String time = SqlTimes.utc(now);
		this.jdbc.update("INSERT INTO " + this.table
				+ " (topic, aggregate_key, payload, created_at, attempts, next_attempt_at, operation_id, trace_parent)"
				+ " VALUES (?, ?, ?, ?, 0, ?, ?, ?)", topic, aggregateKey, payload, time, time, operationId,
				traceParent);
	}

	/**
	 * Due, undelivered events that are the oldest undelivered one of their aggregate,
	 * locked for this transaction; rows another instance holds are skipped rather than
	 * waited for (MySQL 8, MariaDB 10.6+). The {@code NOT EXISTS} is a plain consistent
	 * read, not a locking one (a locking clause does not reach into a subquery), so an
	 * earlier event another instance is claiming right now still counts as undelivered
	 * and its successor waits.
	 */
	List<OutboxMessage> lockDue(Instant now, int limit) {
		return this.jdbc.query(
				"SELECT o.id, o.topic, o.aggregate_key, o.payload, o.created_at, o.attempts, o.operation_id,"
						+ " o.trace_parent FROM " + this.table
						+ " o WHERE o.delivered_at IS NULL AND o.next_attempt_at <= ? AND NOT EXISTS (SELECT 1 FROM "
						+ this.table
						+ " e WHERE e.aggregate_key = o.aggregate_key AND e.delivered_at IS NULL AND e.id < o.id"
						+ " AND e.topic = o.topic) ORDER BY o.next_attempt_at, o.id LIMIT ? FOR UPDATE SKIP LOCKED",
				this::message, SqlTimes.utc(now), limit);
	}

	void lease(List<Long> ids, Instant until) {
		this.named.update("UPDATE " + this.table + " SET next_attempt_at = :until WHERE id IN (:ids)",
				Map.of("until", SqlTimes.utc(until), "ids", ids));
	}

	void postpone(List<Long> ids, Instant next) {
		this.named.update(
				"UPDATE " + this.table + " SET next_attempt_at = :next WHERE id IN (:ids) AND delivered_at IS NULL",
				Map.of("next", SqlTimes.utc(next), "ids", ids));
	}

	void markDelivered(List<Long> ids, Instant now) {
		this.named.update("UPDATE " + this.table + " SET delivered_at = :now, last_error = NULL WHERE id IN (:ids)",
				Map.of("now", SqlTimes.utc(now), "ids", ids));
	}

	void markFailed(long id, int attempts, Instant next, String error) {
		this.jdbc.update("UPDATE " + this.table
				+ " SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ? AND delivered_at IS NULL",
				attempts, SqlTimes.utc(next), error, id);
	}

	/**
	 * Deletes up to {@code limit} rows delivered before {@code before}; answers how many.
	 */
	int purge(Instant before, int limit) {
		return this.jdbc.update(
				"DELETE FROM " + this.table + " WHERE delivered_at IS NOT NULL AND delivered_at < ? LIMIT " + limit,
				SqlTimes.utc(before));
	}

	long pending() {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + this.table + " WHERE delivered_at IS NULL",
				Long.class);
		return (count != null) ? count : 0;
	}

	/**
	 * When the oldest undelivered event was appended, or {@code null} when none waits.
	 */
	Instant oldestPending() {
		return this.jdbc.query("SELECT MIN(created_at) AS oldest FROM " + this.table + " WHERE delivered_at IS NULL",
				(rs) -> rs.next() && rs.getObject("oldest") != null ? SqlTimes.instant(rs, "oldest") : null);
	}

	private OutboxMessage message(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		return new OutboxMessage(id, rs.getString("topic"), rs.getString("aggregate_key"), rs.getString("payload"),
				SqlTimes.instant(rs, "created_at"), rs.getInt("attempts"), this.source + id,
				rs.getString("operation_id"), rs.getString("trace_parent"));
	}

}
