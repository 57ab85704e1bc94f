package com.contentsuite.common.openapi;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import org.springdoc.core.customizers.RouterOperationCustomizer;
import org.springdoc.core.fn.RouterOperation;

import org.springframework.web.method.HandlerMethod;

/**
 * A controller catch-all ({@code /files/**}) is a Spring pattern, not a path a client can
 * send, and springdoc would print it as the literal {@code /files/**} (and drop the path
 * parameter the pattern does not name). When the handler declares the rest of the path as
 * one path parameter, a method-level {@code @Parameter(in = PATH)} ({@code key} for the
 * files), the route is documented as the template that names it, {@code /files/{key}}, as
 * docs/api.md writes it. Any other catch-all is left as it is, for test-support's
 * {@code ApiDocument} to report.
 */
class CatchAllPaths implements RouterOperationCustomizer {

	private static final String CATCH_ALL = "/**";

	@Override
	public RouterOperation customize(RouterOperation route, HandlerMethod handler) {
		Parameter declared = handler.getMethodAnnotation(Parameter.class);
		if (route.getPath() != null && route.getPath().endsWith(CATCH_ALL) && declared != null
				&& declared.in() == ParameterIn.PATH && !declared.name().isEmpty()) {
			route.setPath(route.getPath().substring(0, route.getPath().length() - CATCH_ALL.length()) + "/{"
					+ declared.name() + "}");
		}
		return route;
	}

}
