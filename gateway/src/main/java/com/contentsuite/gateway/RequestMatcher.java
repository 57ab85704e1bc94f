package com.contentsuite.gateway;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A path pattern and an optional set of methods, parsed once at start-up so that matching
 * a request compiles nothing.
 */
public final class RequestMatcher {

	private final PathPattern pattern;

	private final Set<HttpMethod> methods;

	private RequestMatcher(PathPattern pattern, Set<HttpMethod> methods) {
		this.pattern = pattern;
		this.methods = methods;
	}

	/** {@code methods} empty or {@code null} matches every method. */
	public static RequestMatcher of(String path, Collection<String> methods) {
		Set<HttpMethod> parsed = (methods != null) ? methods.stream()
			.map((method) -> HttpMethod.valueOf(method.trim().toUpperCase(Locale.ROOT)))
			.collect(Collectors.toUnmodifiableSet()) : Set.of();
		return new RequestMatcher(PathPatternParser.defaultInstance.parse(path), parsed);
	}

	public boolean matches(ServerHttpRequest request) {
		return (this.methods.isEmpty() || this.methods.contains(request.getMethod()))
				&& this.pattern.matches(request.getPath().pathWithinApplication());
	}

	@Override
	public String toString() {
		return this.methods + " " + this.pattern.getPatternString();
	}

}
