package com.contentsuite.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

import com.contentsuite.common.internal.InternalAuth;
import com.contentsuite.common.operation.OperationId;

/**
 * Headers of a request as the gateway (or a sibling) would sign it, for tests that call a
 * service.
 */
public final class SignedHeaders {

	private SignedHeaders() {
	}

	public static Map<String, String> asGateway(InternalAuth auth, String method, String path, Long userId) {
		String operationId = "test-" + System.nanoTime();
		String user = (userId != null) ? userId.toString() : null;
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(OperationId.HEADER, operationId);
		if (user != null) {
			headers.put(InternalAuth.USER_HEADER, user);
		}
		headers.put(InternalAuth.HEADER, auth.sign(method, path, user, operationId));
		return headers;
	}

}
