package com.contentsuite.common.web;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The envelope of every JSON answer: {@code {"errCode", "errMsg", "errDlt", "data"}};
 * {@code data} is absent on failure and {@code {}} on a success that has nothing to say.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(int errCode, String errMsg, String errDlt, T data) {

	public static <T> ApiResponse<T> ok(T data) {
		return new ApiResponse<>(0, "", "", data);
	}

	public static ApiResponse<Map<String, Object>> ok() {
		return new ApiResponse<>(0, "", "", Map.of());
	}

	public static ApiResponse<Void> error(ErrorCode code, String detail) {
		return new ApiResponse<>(code.code(), code.errMsg(), (detail != null) ? detail : "", null);
	}

	/**
	 * The envelope of a failure as JSON text, for the few places (filters, the gateway)
	 * that answer before a message converter is at hand.
	 */
	public static String errorJson(ErrorCode code, String detail) {
		return "{\"errCode\":" + code.code() + ",\"errMsg\":\"" + Json.escape(code.errMsg()) + "\",\"errDlt\":\""
				+ Json.escape((detail != null) ? detail : "") + "\"}";
	}

}
