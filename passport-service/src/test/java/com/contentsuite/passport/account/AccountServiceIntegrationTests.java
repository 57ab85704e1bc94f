package com.contentsuite.passport.account;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.passport.PassportIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The unique keys behind the existence checks: what a registration that raced past the
 * check meets.
 */
class AccountServiceIntegrationTests extends PassportIntegrationTest {

	@Autowired
	private AccountService accounts;

	@Test
	void aUsernameTakenInAnotherCaseAtInsertTimeIs20004() {
		String username = newUsername();
		this.accounts.create(null, username, "$2a$04$hash");
		ApiException ex = catchThrowableOfType(ApiException.class,
				() -> this.accounts.create(null, username.toUpperCase(), "$2a$04$hash"));
		assertThat(ex.code().code()).isEqualTo(20004);
	}

	@Test
	void aMobileTakenAtInsertTimeIs20003AndNothingIsWritten() {
		String mobile = newMobile();
		long first = this.accounts.create(mobile, null, "$2a$04$hash");
		Integer eventsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM account_outbox", Integer.class);
		ApiException ex = catchThrowableOfType(ApiException.class,
				() -> this.accounts.create(mobile, newUsername(), "$2a$04$hash"));
		assertThat(ex.code().code()).isEqualTo(20003);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account_outbox", Integer.class)).isEqualTo(eventsBefore);
		assertThat(this.accounts.findByLogin(mobile)).get().extracting(Account::getId).isEqualTo(first);
	}

	@Test
	void findsAnAccountByMobileOrByUsernameInAnyCase() {
		String username = "Mixed" + newUsername();
		String mobile = newMobile();
		long id = this.accounts.create(mobile, username, "$2a$04$hash");
		assertThat(this.accounts.findByLogin(username.toLowerCase())).get().extracting(Account::getId).isEqualTo(id);
		assertThat(this.accounts.findByLogin(mobile)).get().extracting(Account::getId).isEqualTo(id);
		assertThat(this.accounts.findByLogin("nobody" + username)).isEmpty();
	}

}
