package com.contentsuite.user.profile;

import java.time.LocalDate;
import java.util.Optional;

import com.contentsuite.common.jdbc.SqlTimes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read paths of {@code GET /users/me} and {@code GET /users/{userID}}: one
 * primary-key SELECT on an autocommit connection, mapped by hand. Loading the entity
 * through Hibernate (session, persistence context, repository proxies) was a third of
 * user-service's CPU on {@code GET /users/me} for a row nobody changes here
 * (docs/benchmark.md). Edits still go through {@link UserProfile}.
 */
@Component
class ProfileReads {

	private final JdbcClient jdbc;

	ProfileReads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ProfileRow> find(long userId) {
		return this.jdbc.sql("""
				SELECT user_id, username, mobile, nickname, avatar_url, signature, sex, birth_date, verified,
				       create_time
				FROM user_profile WHERE user_id = ?""")
			.param(userId)
			.query((rs, row) -> new ProfileRow(rs.getLong("user_id"), rs.getString("username"), rs.getString("mobile"),
					rs.getString("nickname"), rs.getString("avatar_url"), rs.getString("signature"), rs.getInt("sex"),
					rs.getObject("birth_date", LocalDate.class), rs.getBoolean("verified"),
					SqlTimes.instant(rs, "create_time")))
			.optional();
	}

}
