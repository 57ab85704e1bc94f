package com.contentsuite.user.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies account events to the account columns of {@code user_profile} (username,
 * mobile, account_version), the only writer of those columns. Each statement is atomic on
 * its own (autocommit), and each is conditional on the stored version, so replays, older
 * events and concurrent deliveries of one account end with the newest state and never a
 * second row.
 */
@Component
class AccountMirror {

	private static final String UPDATE_IF_NEWER = """
			UPDATE user_profile SET username = :username, mobile = :mobile, account_version = :version,
			update_time = :now WHERE user_id = :userId AND account_version < :version""";

	private static final String INSERT = """
			INSERT INTO user_profile (user_id, username, mobile, nickname, account_version, create_time, update_time)
			VALUES (:userId, :username, :mobile, :nickname, :version, :now, :now)""";

	private final JdbcClient jdbc;

	private final Clock clock;

	AccountMirror(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whether the event changed anything: {@code false} for a replay or an older one. */
	boolean apply(AccountEvent event) {
		if (updateIfNewer(event)) {
			return true;
		}
		try {
			return this.jdbc.sql(INSERT).paramSource(params(event)).update() == 1;
		}
		catch (DuplicateKeyException exists) {
			// The row exists (a stale or replayed event, or a concurrent first delivery
			// won
			// the insert): the version decides, as for any existing row.
			return updateIfNewer(event);
		}
	}

	private boolean updateIfNewer(AccountEvent event) {
		// Matched rows, not changed rows: an event that is newer but carries the same
		// values
		// still advances the version, and counts as applied.
		return this.jdbc.sql(UPDATE_IF_NEWER).paramSource(params(event)).update() == 1;
	}

	private Params params(AccountEvent event) {
		Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS);
		return new Params(event.userId(), event.username(), event.mobile(), event.nickname(), event.version(),
				Timestamp.from(now));
	}

	record Params(long userId, String username, String mobile, String nickname, long version, Timestamp now) {
	}

}
