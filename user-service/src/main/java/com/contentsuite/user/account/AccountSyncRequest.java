package com.contentsuite.user.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import com.contentsuite.common.json.IdDeserializer;
import com.contentsuite.user.profile.TextLength;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An account event from passport's outbox (docs/design.md, account sync): the whole
 * account state and the version (outbox row id) it was written at. Lengths are counted in
 * code points, as the utf8mb4 columns count them: passport accepts usernames of CJK
 * characters outside the BMP (two UTF-16 units each) and sends nickname = username, so a
 * UTF-16 count ({@code @Size}) would refuse a valid event for ever while the relay
 * retries it.
 *
 * @param userID the account, a string or a number of decimal digits
 * @param username the username, or {@code null} for a mobile-only account
 * @param mobile the mobile, masked ({@code 138****8000}), or {@code null}
 * @param nickname the nickname a new profile starts with
 * @param version increases with every change of the account
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record AccountSyncRequest(
		@NotBlank(message = "is required") @JsonDeserialize(using = IdDeserializer.class) String userID,
		@TextLength(max = 64, message = "must be at most 64 characters") String username, String mobile,
		@NotBlank(message = "is required") @TextLength(max = 32,
				message = "must be at most 32 characters") String nickname,
		@NotNull(message = "is required") @Positive(message = "must be positive") Long version) {

}
