package com.contentsuite.user.profile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import com.contentsuite.common.validation.PlainName;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Body of {@code PUT /users/me}: every field optional, an absent (or null) one stays as
 * it is. Fields the server owns (userID, username, mobile, verified, counts, createTime)
 * are not components, so a client that sends them changes nothing. The nickname is a name
 * shown beside others' content, so it takes no control or bidi formatting characters; the
 * signature is free text and may.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ProfileUpdate(@TextLength(min = 1, max = 32, allowBlank = false) @PlainName String nickname,
		@TextLength(max = 256) String signature,
		@Min(value = 0, message = "must be 0, 1 or 2") @Max(value = 2, message = "must be 0, 1 or 2") Integer sex,
		@Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date as yyyy-MM-dd") String birthDate) {

}
