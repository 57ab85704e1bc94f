package com.contentsuite.common.jdbc;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A short transaction run again when the database chose it as a deadlock victim (or its
 * lock wait timed out): such a transaction was rolled back whole and changed nothing, so
 * running it again is safe. Past the last attempt the failure goes on, and common maps it
 * to {@code 1006}.
 */
public final class LockRetry {

	/** Attempts of a toggle: two lock conflicts in a row are rare, three very rare. */
	public static final int ATTEMPTS = 3;

	private LockRetry() {
	}

	public static <T> T execute(TransactionTemplate transactions, TransactionCallback<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return transactions.execute(work);
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

}
