package com.contentsuite.gateway;

import com.contentsuite.common.internal.InternalAuth;
import com.contentsuite.common.operation.OperationId;

/**
 * The passport, user-service, article-service and moments-service stand-ins shared by
 * every gateway context of the test JVM. Passport serves its JWK Set only to a correctly
 * signed request, like the real one.
 */
final class TestBackends {

	static final StubServer PASSPORT = passport();

	static final StubServer USERS = StubServer.start();

	static final StubServer ARTICLES = StubServer.start();

	static final StubServer MOMENTS = StubServer.start();

	private TestBackends() {
	}

	private static StubServer passport() {
		StubServer passport = StubServer.start();
		passport.route("/passport/jwks", (exchange, request) -> {
			String caller = TestKeys.STUB_AUTH.verify(request.header(InternalAuth.HEADER), request.method(),
					request.rawPath(), request.header(InternalAuth.USER_HEADER), request.header(OperationId.HEADER));
			if (caller == null) {
				StubServer.send(exchange, 403,
						"{\"errCode\":1002,\"errMsg\":\"NoPermissionError\",\"errDlt\":\"unsigned\"}");
				return;
			}
			StubServer.send(exchange, 200, TestKeys.jwks());
		});
		return passport;
	}

}
