package com.contentsuite.passport.account;

import java.time.Clock;
import java.util.Optional;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.passport.sync.AccountOutbox;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads and changes accounts. Every change user-service mirrors (creation, username)
 * writes its outbox event in the same transaction.
 */
@Service
public class AccountService {

	private final AccountRepository accounts;

	private final AccountOutbox outbox;

	private final TransactionTemplate transactions;

	private final Clock clock;

	AccountService(AccountRepository accounts, AccountOutbox outbox, TransactionTemplate transactions, Clock clock) {
		this.accounts = accounts;
		this.outbox = outbox;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The account a login names: a mobile, otherwise a username (any case). */
	public Optional<Account> findByLogin(String login) {
		return AccountRules.isMobile(login) ? this.accounts.findByMobile(login)
				: this.accounts.findByUsernameKey(Account.keyOf(login));
	}

	public Account get(long userId) {
		return this.accounts.findById(userId).orElseThrow(() -> ApiException.notFound("account not found"));
	}

	public boolean isMobileTaken(String mobile) {
		return this.accounts.existsByMobile(mobile);
	}

	public void requireFree(String mobile, String username) {
		if (mobile != null && this.accounts.existsByMobile(mobile)) {
			throw AccountConflicts.mobileTaken();
		}
		if (username != null && this.accounts.existsByUsernameKey(Account.keyOf(username))) {
			throw AccountConflicts.usernameTaken();
		}
	}

	/** Creates the account and its sync event; answers the new userID. */
	public long create(String mobile, String username, String passwordHash) {
		try {
			return this.transactions.execute((status) -> {
				Account account = this.accounts
					.saveAndFlush(new Account(mobile, username, passwordHash, this.clock.instant()));
				this.outbox.append(account.getId(), account.getUsername(), account.getMobile());
				return account.getId();
			});
		}
		catch (DataIntegrityViolationException ex) {
			throw AccountConflicts.translate(ex);
		}
	}

	/** Renames the account (20004 when another account holds the name in any case). */
	public String rename(long userId, String username) {
		try {
			return this.transactions.execute((status) -> {
				Account account = get(userId);
				if (username.equals(account.getUsername())) {
					return username;
				}
				String key = Account.keyOf(username);
				if (!key.equals(Account.keyOf(account.getUsername())) && this.accounts.existsByUsernameKey(key)) {
					throw AccountConflicts.usernameTaken();
				}
				account.rename(username, this.clock.instant());
				this.accounts.flush();
				this.outbox.append(account.getId(), account.getUsername(), account.getMobile());
				return username;
			});
		}
		catch (DataIntegrityViolationException ex) {
			throw AccountConflicts.translate(ex);
		}
	}

	public void changePasswordHash(long userId, String passwordHash) {
		this.transactions
			.executeWithoutResult((status) -> get(userId).changePasswordHash(passwordHash, this.clock.instant()));
	}

}
