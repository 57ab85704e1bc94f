package com.contentsuite.common.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.contentsuite.common.identity.Caller;
import com.contentsuite.common.operation.OperationId;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.common.web.Ids;

import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request in only when it carries a valid {@code X-Internal-Auth} signature from
 * the gateway or a sibling (docs/api.md section 6). {@code /internal/**} takes siblings
 * only: the gateway never routes there, so a gateway signature on such a path means
 * something went wrong upstream.
 */
public class InternalAuthFilter extends OncePerRequestFilter {

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	private final InternalAuth auth;

	private final List<String> openPaths;

	public InternalAuthFilter(InternalAuth auth, List<String> openPaths) {
		this.auth = auth;
		this.openPaths = List.copyOf(openPaths);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return this.openPaths.stream().anyMatch((pattern) -> PATHS.match(pattern, path));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String userId = request.getHeader(InternalAuth.USER_HEADER);
		String caller = this.auth.verify(request.getHeader(InternalAuth.HEADER), request.getMethod(),
				request.getRequestURI(), userId, request.getHeader(OperationId.HEADER));
		if (caller == null) {
			reject(response, "request did not come through the gateway");
			return;
		}
		if (InternalAuth.GATEWAY_CALLER.equals(caller) && request.getRequestURI().startsWith("/internal/")) {
			reject(response, "internal route");
			return;
		}
		Long verifiedUser = Ids.tryParse(userId);
		if (userId != null && !userId.isEmpty() && verifiedUser == null) {
			reject(response, "bad identity header");
			return;
		}
		request.setAttribute(Caller.ATTRIBUTE,
				new Caller(caller, verifiedUser, request.getHeader(InternalAuth.CLIENT_IP_HEADER)));
		chain.doFilter(request, response);
	}

	private static void reject(HttpServletResponse response, String detail) throws IOException {
		response.setStatus(ErrorCode.NO_PERMISSION.httpStatus());
		response.setContentType("application/json");
		response.getOutputStream()
			.write(ApiResponse.errorJson(ErrorCode.NO_PERMISSION, detail).getBytes(StandardCharsets.UTF_8));
	}

}
