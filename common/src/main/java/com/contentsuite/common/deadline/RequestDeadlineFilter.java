package com.contentsuite.common.deadline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.ErrorCode;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Starts the request's {@link RequestDeadline} from the caller's
 * {@value RequestDeadline#HEADER} budget (or the default one), and answers
 * {@code 503 1006} at once when the budget is already spent: the caller has given up, so
 * nothing may be started for it.
 */
public class RequestDeadlineFilter extends OncePerRequestFilter {

	private final DeadlineProperties properties;

	public RequestDeadlineFilter(DeadlineProperties properties) {
		this.properties = properties;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long budget = budgetOf(request.getHeader(RequestDeadline.HEADER));
		if (budget <= 0) {
			response.setStatus(ErrorCode.SERVICE_UNAVAILABLE.httpStatus());
			response.setContentType("application/json");
			response.getOutputStream()
				.write(ApiResponse.errorJson(ErrorCode.SERVICE_UNAVAILABLE, RequestDeadline.passed().detail())
					.getBytes(StandardCharsets.UTF_8));
			return;
		}
		try (RequestDeadline.Scope scope = RequestDeadline.start(budget)) {
			chain.doFilter(request, response);
		}
	}

	private long budgetOf(String header) {
		long max = this.properties.maxBudget().toMillis();
		if (header == null || header.isEmpty() || header.length() > 12) {
			return this.properties.defaultBudget().toMillis();
		}
		try {
			return Math.min(Long.parseLong(header), max);
		}
		catch (NumberFormatException ex) {
			return this.properties.defaultBudget().toMillis();
		}
	}

}
