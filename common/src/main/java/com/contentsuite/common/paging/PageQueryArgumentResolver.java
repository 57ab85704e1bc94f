package com.contentsuite.common.paging;

import com.contentsuite.common.web.ApiException;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Reads {@code page} and {@code size} query parameters into a {@link PageQuery}; out of
 * range is 1001.
 */
public class PageQueryArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == PageQuery.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		int page = read(webRequest, "page", 1, 1, Integer.MAX_VALUE);
		int size = read(webRequest, "size", PageQuery.DEFAULT_SIZE, 1, PageQuery.MAX_SIZE);
		return new PageQuery(page, size);
	}

	private static int read(NativeWebRequest request, String name, int fallback, int min, int max) {
		String raw = request.getParameter(name);
		if (raw == null || raw.isEmpty()) {
			return fallback;
		}
		int value;
		try {
			value = Integer.parseInt(raw.trim());
		}
		catch (NumberFormatException ex) {
			throw ApiException.args(name + " must be a whole number");
		}
		if (value < min || value > max) {
			throw ApiException.args((max == Integer.MAX_VALUE) ? name + " must be at least " + min
					: name + " must be " + min + "-" + max);
		}
		return value;
	}

}
