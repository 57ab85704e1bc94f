package com.contentsuite.common.feign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import feign.Response;
import feign.codec.ErrorDecoder;

/**
 * A sibling's envelope error becomes the same {@link ApiException} here (a 404 stays a
 * 1004); a 5xx or an answer that is no envelope means the sibling is unavailable (1006).
 */
public class EnvelopeErrorDecoder implements ErrorDecoder {

	private static final Pattern ERR_CODE = Pattern.compile("\"errCode\"\\s*:\\s*(\\d+)");

	private static final Pattern ERR_DLT = Pattern.compile("\"errDlt\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

	@Override
	public Exception decode(String methodKey, Response response) {
		if (response.status() >= 500) {
			return ApiException.unavailable("a dependency is unavailable, try again later");
		}
		String body = read(response);
		Matcher code = ERR_CODE.matcher(body);
		ErrorCode errorCode = code.find() ? ErrorCode.fromCode(Integer.parseInt(code.group(1))) : null;
		if (errorCode == null || errorCode == ErrorCode.OK) {
			return ApiException.unavailable("a dependency answered unexpectedly");
		}
		Matcher detail = ERR_DLT.matcher(body);
		return new ApiException(errorCode, response.status(), detail.find() ? detail.group(1) : "");
	}

	private static String read(Response response) {
		if (response.body() == null) {
			return "";
		}
		try (InputStream in = response.body().asInputStream()) {
			return new String(in.readNBytes(16 * 1024), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

}
