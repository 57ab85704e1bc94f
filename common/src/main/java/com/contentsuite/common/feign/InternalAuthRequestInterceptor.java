package com.contentsuite.common.feign;

import java.util.Collection;

import com.contentsuite.common.internal.InternalAuth;
import com.contentsuite.common.operation.OperationId;
import com.contentsuite.common.operation.OperationIdFilter;
import feign.RequestInterceptor;
import feign.RequestTemplate;

/** Every sibling call carries the current operationID and a fresh internal signature. */
public class InternalAuthRequestInterceptor implements RequestInterceptor {

	private final InternalAuth auth;

	public InternalAuthRequestInterceptor(InternalAuth auth) {
		this.auth = auth;
	}

	@Override
	public void apply(RequestTemplate template) {
		String operationId = OperationIdFilter.current();
		Collection<String> users = template.headers().get(InternalAuth.USER_HEADER);
		String userId = (users != null && !users.isEmpty()) ? users.iterator().next() : null;
		template.header(OperationId.HEADER);
		template.header(OperationId.HEADER, operationId);
		template.header(InternalAuth.HEADER);
		template.header(InternalAuth.HEADER, this.auth.sign(template.method(), rawPath(template), userId, operationId));
	}

	private static String rawPath(RequestTemplate template) {
		String path = template.path();
		int query = path.indexOf('?');
		return (query >= 0) ? path.substring(0, query) : path;
	}

}
