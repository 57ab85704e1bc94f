package com.contentsuite.common.operation;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request's {@code operationID} in the log MDC and on the response. The gateway
 * has already checked it; a sibling call or a health probe without one gets a minted ID.
 */
public class OperationIdFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String operationId = request.getHeader(OperationId.HEADER);
		if (!OperationId.isValid(operationId)) {
			operationId = OperationId.mint();
		}
		request.setAttribute(OperationId.MDC_KEY, operationId);
		response.setHeader(OperationId.HEADER, operationId);
		response.setHeader("X-Content-Type-Options", "nosniff");
		MDC.put(OperationId.MDC_KEY, operationId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(OperationId.MDC_KEY);
		}
	}

	/**
	 * The current request's operationID (for outgoing calls), or a fresh one outside a
	 * request.
	 */
	public static String current() {
		String value = MDC.get(OperationId.MDC_KEY);
		return (value != null) ? value : OperationId.mint();
	}

}
