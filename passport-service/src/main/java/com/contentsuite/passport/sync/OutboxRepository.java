package com.contentsuite.passport.sync;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutboxRepository extends JpaRepository<OutboxEvent, Long> {

	/**
	 * Due, undelivered events, locked for this transaction; rows another instance holds
	 * are skipped rather than waited for (MySQL 8 and MariaDB 10.6+).
	 */
	@Query(value = "SELECT * FROM account_outbox WHERE delivered_at IS NULL AND next_attempt_at <= :now"
			+ " ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED", nativeQuery = true)
	List<OutboxEvent> lockDue(@Param("now") Instant now, @Param("limit") int limit);

	@Modifying
	@Query("UPDATE OutboxEvent e SET e.nextAttemptAt = :until WHERE e.id IN :ids")
	int lease(@Param("ids") List<Long> ids, @Param("until") Instant until);

	@Modifying
	@Query("UPDATE OutboxEvent e SET e.nextAttemptAt = :next WHERE e.id IN :ids AND e.deliveredAt IS NULL")
	int postpone(@Param("ids") List<Long> ids, @Param("next") Instant next);

	@Modifying
	@Query("UPDATE OutboxEvent e SET e.deliveredAt = :now, e.lastError = NULL WHERE e.id = :id")
	int markDelivered(@Param("id") long id, @Param("now") Instant now);

	@Modifying
	@Query("UPDATE OutboxEvent e SET e.attempts = :attempts, e.nextAttemptAt = :next, e.lastError = :error"
			+ " WHERE e.id = :id AND e.deliveredAt IS NULL")
	int markFailed(@Param("id") long id, @Param("attempts") int attempts, @Param("next") Instant next,
			@Param("error") String error);

}
