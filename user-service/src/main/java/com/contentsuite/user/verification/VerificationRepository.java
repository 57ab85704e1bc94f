package com.contentsuite.user.verification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code real_name_verification} table: one row per verified user. */
@Repository
class VerificationRepository {

	private static final String INSERT = """
			INSERT INTO real_name_verification
			(user_id, real_name_ciphertext, id_card_ciphertext, key_version, id_card_hmac, submit_time)
			VALUES (:userId, :realName, :idCard, :keyVersion, :idCardHmac, :submitTime)""";

	private static final String FIND = """
			SELECT real_name_ciphertext, id_card_ciphertext, key_version, submit_time
			FROM real_name_verification WHERE user_id = :userId""";

	private static final String EXISTS = "SELECT COUNT(*) FROM real_name_verification WHERE user_id = :userId";

	private final JdbcClient jdbc;

	VerificationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean exists(long userId) {
		return this.jdbc.sql(EXISTS).param("userId", userId).query(Long.class).single() > 0;
	}

	/**
	 * Fails with a {@code DuplicateKeyException} for a second row of a user or a number.
	 */
	void insert(long userId, Sealed row, String idCardHmac, Instant submitTime) {
		this.jdbc.sql(INSERT)
			.param("userId", userId)
			.param("realName", row.realName())
			.param("idCard", row.idCard())
			.param("keyVersion", row.keyVersion())
			.param("idCardHmac", idCardHmac)
			.param("submitTime", Timestamp.from(submitTime))
			.update();
	}

	Optional<Sealed> find(long userId) {
		return this.jdbc.sql(FIND)
			.param("userId", userId)
			.query((rs, n) -> new Sealed(rs.getString("real_name_ciphertext"), rs.getString("id_card_ciphertext"),
					rs.getInt("key_version"), rs.getTimestamp("submit_time").toInstant()))
			.optional();
	}

	/** A row's encrypted values and the version of the key that encrypted both. */
	record Sealed(String realName, String idCard, int keyVersion, Instant submitTime) {

	}

}
