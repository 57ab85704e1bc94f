package com.contentsuite.common.web;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The error-code table of docs/api.md section 1, in one place: code, its name
 * ({@code errMsg}) and its usual HTTP status.
 */
public enum ErrorCode {

	OK(0, "", 200),

	SERVER_INTERNAL(500, "ServerInternalError", 500),

	ARGS(1001, "ArgsError", 400),

	NO_PERMISSION(1002, "NoPermissionError", 403),

	DUPLICATE_KEY(1003, "DuplicateKeyError", 409),

	RECORD_NOT_FOUND(1004, "RecordNotFoundError", 404),

	TOO_MANY_REQUESTS(1005, "TooManyRequestsError", 429),

	SERVICE_UNAVAILABLE(1006, "ServiceUnavailableError", 503),

	CAN_NOT_ADD_YOURSELF(1301, "CanNotAddYourselfError", 400),

	BLOCKED_BY_PEER(1302, "BlockedByPeer", 403),

	TOKEN_EXPIRED(1501, "TokenExpiredError", 401),

	TOKEN_INVALID(1502, "TokenInvalidError", 401),

	TOKEN_MALFORMED(1503, "TokenMalformedError", 401),

	TOKEN_KICKED(1506, "TokenKickedError", 401),

	PASSWORD_ERROR(20001, "PasswordError", 400),

	PHONE_ALREADY_REGISTER(20003, "PhoneAlreadyRegister", 409),

	ACCOUNT_ALREADY_REGISTER(20004, "AccountAlreadyRegister", 409),

	VERIFY_CODE_NOT_MATCH(20006, "VerifyCodeNotMatch", 400),

	VERIFY_CODE_EXPIRED(20007, "VerifyCodeExpired", 400);

	private static final Map<Integer, ErrorCode> BY_CODE = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(ErrorCode::code, Function.identity()));

	private final int code;

	private final String errMsg;

	private final int httpStatus;

	ErrorCode(int code, String errMsg, int httpStatus) {
		this.code = code;
		this.errMsg = errMsg;
		this.httpStatus = httpStatus;
	}

	public int code() {
		return this.code;
	}

	public String errMsg() {
		return this.errMsg;
	}

	public int httpStatus() {
		return this.httpStatus;
	}

	/** The code for a numeric value received from a sibling service, or {@code null}. */
	public static ErrorCode fromCode(int code) {
		return BY_CODE.get(code);
	}

}
