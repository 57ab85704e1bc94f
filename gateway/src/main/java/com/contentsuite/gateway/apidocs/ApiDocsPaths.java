package com.contentsuite.gateway.apidocs;

import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;

/**
 * The API documents' paths at the gateway (docs/api.md section 6): the services'
 * documents at {@code /v3/api-docs/{service}} (routes of application.yml), the gateway's
 * own at {@code /v3/api-docs/gateway}, and the Swagger UI page with its assets. Browsers
 * and tools fetch them without custom headers, so they may omit {@code operationID}.
 */
public final class ApiDocsPaths {

	private static final String[] PREFIXES = { "/v3/api-docs/", "/swagger-ui", "/webjars/swagger-ui/" };

	private ApiDocsPaths() {
	}

	public static boolean matches(ServerWebExchange exchange) {
		if (exchange.getRequest().getMethod() != HttpMethod.GET) {
			return false;
		}
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		for (String prefix : PREFIXES) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
