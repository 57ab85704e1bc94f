package com.contentsuite.common.web;

/**
 * A failure the client may see: an error code, a short safe detail and the HTTP status to
 * answer with (usually the code's own; 1001 is also answered as 401, 405, 413 or 415).
 */
public class ApiException extends RuntimeException {

	private final ErrorCode code;

	private final int httpStatus;

	public ApiException(ErrorCode code, String detail) {
		this(code, code.httpStatus(), detail);
	}

	public ApiException(ErrorCode code, int httpStatus, String detail) {
		super(detail, null, false, false);
		this.code = code;
		this.httpStatus = httpStatus;
	}

	public static ApiException args(String detail) {
		return new ApiException(ErrorCode.ARGS, detail);
	}

	public static ApiException notFound(String detail) {
		return new ApiException(ErrorCode.RECORD_NOT_FOUND, detail);
	}

	public static ApiException noPermission(String detail) {
		return new ApiException(ErrorCode.NO_PERMISSION, detail);
	}

	public static ApiException unavailable(String detail) {
		return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, detail);
	}

	/** A {@code required} route reached without a token. */
	public static ApiException tokenEmpty() {
		return new ApiException(ErrorCode.ARGS, 401, "token is empty");
	}

	public ErrorCode code() {
		return this.code;
	}

	public int httpStatus() {
		return this.httpStatus;
	}

	public String detail() {
		return getMessage();
	}

}
