package com.contentsuite.common.web;

/**
 * The envelope code and detail for a bare HTTP status (docs/api.md section 1, gateway
 * failures).
 */
public final class HttpStatusErrors {

	private HttpStatusErrors() {
	}

	public static ErrorCode codeFor(int status) {
		return switch (status) {
			case 403 -> ErrorCode.NO_PERMISSION;
			case 404 -> ErrorCode.RECORD_NOT_FOUND;
			case 429 -> ErrorCode.TOO_MANY_REQUESTS;
			case 502, 503, 504 -> ErrorCode.SERVICE_UNAVAILABLE;
			default -> (status >= 500) ? ErrorCode.SERVER_INTERNAL : ErrorCode.ARGS;
		};
	}

	public static String detailFor(int status) {
		return switch (status) {
			case 401 -> "token is empty";
			case 403 -> "not allowed";
			case 404 -> "route not found";
			case 405 -> "method not allowed";
			case 406 -> "not acceptable";
			case 413 -> "request body is too large";
			case 415 -> "unsupported media type";
			case 429 -> "too many requests";
			case 502, 503, 504 -> "service unavailable";
			default -> (status >= 500) ? "server internal error" : "bad request";
		};
	}

}
