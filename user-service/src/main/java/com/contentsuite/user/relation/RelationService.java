package com.contentsuite.user.relation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

import com.contentsuite.common.outbox.Outbox;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.user.notification.NotificationRequest;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follow and blacklist changes.
 *
 * <p>
 * Every change (follow, unfollow, blacklist, unblacklist) runs in a READ COMMITTED
 * transaction that first locks both users' profile rows (ascending ID). So the changes of
 * one pair of users are serialized: a follow either sees the target's blacklist row
 * (1302) or commits before the blacklist transaction, which then deletes that follow; no
 * follow row ever outlives a blacklist row between the same two users. Serializing the
 * DELETEs too keeps them from deadlocking with an {@code INSERT IGNORE} of the same row
 * (seen in the concurrency test when unblacklist ran as a bare autocommit DELETE: the
 * insert holds a shared lock on the existing record and then wants it exclusively). A
 * deadlock victim is still retried, as a backstop. The counts' Redis copies are
 * invalidated after the commit, and only when a follow row was added or removed
 * ({@link RelationCounts} explains why that keeps them equal to the rows). A new follow
 * row writes the target's {@code follow} notification event to the outbox in the same
 * transaction.
 */
@Service
class RelationService {

	private static final int ATTEMPTS = 5;

	private final RelationRepository relations;

	private final RelationCounts counts;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Outbox outbox;

	RelationService(RelationRepository relations, RelationCounts counts, PlatformTransactionManager transactionManager,
			Clock clock, Outbox outbox) {
		this.outbox = outbox;
		this.relations = relations;
		this.counts = counts;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.clock = clock;
	}

	void follow(long userId, long targetId) {
		notYourself(userId, targetId, "can not follow yourself");
		boolean added = inTransaction(() -> {
			lockPair(userId, targetId);
			if (this.relations.blacklisted(targetId, userId)) {
				throw new ApiException(ErrorCode.BLOCKED_BY_PEER, "this user has blacklisted you");
			}
			if (this.relations.blacklisted(userId, targetId)) {
				throw new ApiException(ErrorCode.BLOCKED_BY_PEER, "you have blacklisted this user; remove them first");
			}
			boolean inserted = this.relations.insertFollow(userId, targetId, now());
			if (inserted) {
				NotificationRequest event = NotificationRequest.follow(userId, targetId, now().toInstant());
				this.outbox.append(NotificationRequest.TOPIC, event.naturalKey(), event);
			}
			return inserted;
		});
		if (added) {
			this.counts.invalidate(userId, targetId);
		}
	}

	void unfollow(long userId, long targetId) {
		notYourself(userId, targetId, "can not unfollow yourself");
		if (inTransaction(() -> {
			this.relations.lockUsers(userId, targetId);
			return this.relations.deleteFollow(userId, targetId);
		})) {
			this.counts.invalidate(userId, targetId);
		}
	}

	void blacklist(long userId, long targetId) {
		notYourself(userId, targetId, "can not blacklist yourself");
		int removedFollows = inTransaction(() -> {
			lockPair(userId, targetId);
			this.relations.insertBlacklist(userId, targetId, now());
			return this.relations.deleteFollowsBetween(userId, targetId);
		});
		if (removedFollows > 0) {
			this.counts.invalidate(userId, targetId);
		}
	}

	void unblacklist(long userId, long targetId) {
		notYourself(userId, targetId, "can not blacklist yourself");
		inTransaction(() -> {
			this.relations.lockUsers(userId, targetId);
			return this.relations.deleteBlacklist(userId, targetId);
		});
	}

	private void lockPair(long userId, long targetId) {
		List<Long> existing = this.relations.lockUsers(userId, targetId);
		if (!existing.contains(targetId)) {
			throw ApiException.notFound("target not found");
		}
	}

	// Locks are taken in one order, but InnoDB may still pick a deadlock victim (or time
	// out a lock wait) under load; the whole transaction is then safe to run again,
	// since nothing outside the database happens before it commits.
	private <T> T inTransaction(Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute((status) -> work.get());
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private static void notYourself(long userId, long targetId, String detail) {
		if (userId == targetId) {
			throw new ApiException(ErrorCode.CAN_NOT_ADD_YOURSELF, detail);
		}
	}

	private Timestamp now() {
		return Timestamp.from(Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS));
	}

}
