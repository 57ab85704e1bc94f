package com.contentsuite.common.identity;

import jakarta.servlet.http.HttpServletRequest;

import com.contentsuite.common.web.ApiException;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link CurrentUser} and {@link Viewer} from the identity the internal-auth
 * filter verified, never from a raw header.
 */
public class IdentityArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		return type == CurrentUser.class || type == Viewer.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		Caller caller = (request != null) ? (Caller) request.getAttribute(Caller.ATTRIBUTE) : null;
		Long userId = (caller != null) ? caller.userId() : null;
		if (parameter.getParameterType() == CurrentUser.class) {
			if (userId == null) {
				throw ApiException.tokenEmpty();
			}
			return new CurrentUser(userId);
		}
		String clientIp = (caller != null && caller.clientIp() != null) ? caller.clientIp()
				: (request != null) ? request.getRemoteAddr() : "";
		return new Viewer(userId, clientIp);
	}

}
