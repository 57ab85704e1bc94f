package com.contentsuite.user.verification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The body of {@code POST /users/auth}. Both values are personal data:
 * {@link #toString()} (used by Spring's debug logging of request bodies) shows neither.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VerificationRequest(String realName, String idCard) {

	@Override
	public String toString() {
		return "VerificationRequest[realName=<hidden>, idCard=<hidden>]";
	}

}
