package com.contentsuite.user.profile;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets a profile's {@code verified} column, inside the caller's transaction (the
 * real-name verification writes its row in the same one). The UPDATE also locks the
 * profile row, so one user's submissions run one after another.
 */
@Component
public class VerifiedFlag {

	private static final String MARK = """
			UPDATE user_profile SET verified = TRUE, update_time = :now WHERE user_id = :userId""";

	private final JdbcClient jdbc;

	private final Clock clock;

	VerifiedFlag(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whether the user has a profile (and it is now marked verified). */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean markVerified(long userId) {
		Timestamp now = Timestamp.from(Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS));
		// Matched rows, not changed rows (Connector/J's default), so an already verified
		// profile still counts as found.
		return this.jdbc.sql(MARK).param("userId", userId).param("now", now).update() == 1;
	}

}
