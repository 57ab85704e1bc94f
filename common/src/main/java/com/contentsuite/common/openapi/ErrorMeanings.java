package com.contentsuite.common.openapi;

import java.util.EnumMap;
import java.util.Map;

import com.contentsuite.common.web.ErrorCode;

/**
 * What each code means and a detail it may carry, as docs/api.md section 1 words them:
 * the descriptions and examples of the documents' error answers.
 */
final class ErrorMeanings {

	private static final Map<ErrorCode, String[]> MEANINGS = new EnumMap<>(ErrorCode.class);

	static {
		put(ErrorCode.SERVER_INTERNAL, "unexpected failure", "internal error");
		put(ErrorCode.ARGS, "missing or invalid argument, malformed JSON, bad header, no token on a required route",
				"header must have operationID");
		put(ErrorCode.NO_PERMISSION, "authenticated but not allowed (not the owner)", "not the owner");
		put(ErrorCode.DUPLICATE_KEY,
				"unique value already taken, set-once value already set, Idempotency-Key reused with another body",
				"already exists");
		put(ErrorCode.RECORD_NOT_FOUND, "the addressed record does not exist (or is deleted)", "record not found");
		put(ErrorCode.TOO_MANY_REQUESTS, "rate limit or temporary lock", "too many requests");
		put(ErrorCode.SERVICE_UNAVAILABLE, "a dependency is down, slow or its circuit is open", "service unavailable");
		put(ErrorCode.CAN_NOT_ADD_YOURSELF, "follow or blacklist yourself", "can not add yourself");
		put(ErrorCode.BLOCKED_BY_PEER, "the target has blacklisted you", "blocked by peer");
		put(ErrorCode.TOKEN_EXPIRED, "the token has expired", "token is expired");
		put(ErrorCode.TOKEN_INVALID, "bad signature, wrong key or algorithm, wrong token type", "token is invalid");
		put(ErrorCode.TOKEN_MALFORMED, "not a JWT at all", "token is malformed");
		put(ErrorCode.TOKEN_KICKED, "revoked: logout, password change, refresh-token reuse", "token is kicked");
		put(ErrorCode.PASSWORD_ERROR, "account or password incorrect (same answer for an unknown account)",
				"account or password incorrect");
		put(ErrorCode.PHONE_ALREADY_REGISTER, "mobile already registered", "mobile already registered");
		put(ErrorCode.ACCOUNT_ALREADY_REGISTER, "username already taken", "username already taken");
		put(ErrorCode.VERIFY_CODE_NOT_MATCH, "captcha answer wrong", "captcha answer wrong");
		put(ErrorCode.VERIFY_CODE_EXPIRED, "captcha unknown, expired or already used", "captcha expired");
	}

	private ErrorMeanings() {
	}

	private static void put(ErrorCode code, String meaning, String detail) {
		MEANINGS.put(code, new String[] { meaning, detail });
	}

	static String meaning(ErrorCode code) {
		return MEANINGS.getOrDefault(code, new String[] { code.errMsg(), "" })[0];
	}

	static String detail(ErrorCode code) {
		return MEANINGS.getOrDefault(code, new String[] { code.errMsg(), "" })[1];
	}

}
