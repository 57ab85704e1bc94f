package com.contentsuite.common.web;

import java.lang.reflect.Field;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The names a client used ({@code img_code_id}, {@code cur_id}) for a Java field or
 * parameter, so an {@code errDlt} names the field as the client wrote it.
 */
final class ClientNames {

	private ClientNames() {
	}

	static String ofField(Object target, String field) {
		if (target == null || field.contains(".") || field.contains("[")) {
			return field;
		}
		for (Class<?> type = target.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
			try {
				Field declared = type.getDeclaredField(field);
				JsonProperty property = declared.getAnnotation(JsonProperty.class);
				return (property != null && !property.value().isEmpty()) ? property.value() : field;
			}
			catch (NoSuchFieldException ex) {
				// look in the superclass
			}
		}
		return field;
	}

	static String ofParameter(MethodParameter parameter) {
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null) {
			return firstNonEmpty(param.name(), param.value(), parameter.getParameterName());
		}
		PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
		if (path != null) {
			return firstNonEmpty(path.name(), path.value(), parameter.getParameterName());
		}
		RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
		if (part != null) {
			return firstNonEmpty(part.name(), part.value(), parameter.getParameterName());
		}
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		if (header != null) {
			return firstNonEmpty(header.name(), header.value(), parameter.getParameterName());
		}
		return parameter.getParameterName();
	}

	/**
	 * The first {@code @RequestPart} of the handler the request was mapped to, or
	 * {@code "request"} when it was not mapped or takes no part.
	 */
	static String ofFirstPart(HttpServletRequest request) {
		if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler) {
			for (MethodParameter parameter : handler.getMethodParameters()) {
				if (parameter.hasParameterAnnotation(RequestPart.class)) {
					return ofParameter(parameter);
				}
			}
		}
		return "request";
	}

	private static String firstNonEmpty(String name, String value, String fallback) {
		return !name.isEmpty() ? name : !value.isEmpty() ? value : fallback;
	}

}
