package com.contentsuite.common.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants to and from {@code DATETIME(3)} columns holding UTC. Written as text: against
 * MariaDB (whose version string starts with {@code 5.5.5-}) Connector/J drops the
 * milliseconds of a temporal parameter, and docs/api.md's times carry them.
 */
public final class SqlTimes {

	private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

	private SqlTimes() {
	}

	/** {@code instant} as the text of a UTC {@code DATETIME(3)} parameter. */
	public static String utc(Instant instant) {
		return DATETIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
	}

	/** The UTC {@code DATETIME} column {@code column} of the current row. */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
	}

}
