package com.contentsuite.passport.sync;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An account as one change left it: the outbox payload of an account-sync event (its
 * fields stay readable as {@code account_outbox} columns, see V4). The version is the
 * event's id, known only once the row is written, so the handler adds it.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record AccountState(String userID, String username, String mobile, String nickname) {

	AccountSyncBody withVersion(long version) {
		return new AccountSyncBody(this.userID, this.username, this.mobile, this.nickname, version);
	}

}
