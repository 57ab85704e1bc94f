package com.contentsuite.common.idempotency;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Prepares a request that carries {@code Idempotency-Key} for
 * {@link IdempotencyInterceptor}: its JSON body is buffered so it can be fingerprinted,
 * and its answer is kept so it can be stored. Requests without the header pass untouched.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getHeader(IdempotencyKey.HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpServletRequest prepared = isMultipart(request) ? request : new BufferedBodyRequest(request);
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(prepared, answer);
		}
		finally {
			answer.copyBodyToResponse();
		}
	}

	// Multipart bodies are parsed by the container from its own stream; they are not
	// fingerprinted (no idempotent route takes an upload).
	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
	}

}
