package com.contentsuite.user.verification;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The answer of {@code GET /users/auth}: only ever masked values.
 *
 * @param verified whether the user has verified
 * @param realName masked name, or empty
 * @param idCard masked number, or empty
 * @param submitTime docs/api.md time, or {@code null}
 */
@JsonPropertyOrder({ "verified", "realName", "idCard", "submitTime" })
record VerificationView(boolean verified, String realName, String idCard, String submitTime) {

	static final VerificationView NOT_VERIFIED = new VerificationView(false, "", "", null);

}
