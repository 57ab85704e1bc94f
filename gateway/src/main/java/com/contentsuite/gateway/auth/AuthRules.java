package com.contentsuite.gateway.auth;

import java.util.List;

import com.contentsuite.gateway.RequestMatcher;

import org.springframework.http.server.reactive.ServerHttpRequest;

/** The ordered route table of {@link AuthProperties}, parsed once. */
final class AuthRules {

	private final List<Compiled> rules;

	AuthRules(List<AuthProperties.Rule> rules) {
		this.rules = rules.stream()
			.map((rule) -> new Compiled(RequestMatcher.of(rule.path(), rule.methods()), rule.mode()))
			.toList();
	}

	/**
	 * The first matching rule's mode; {@code required} when none matches (fail closed).
	 */
	AuthMode modeFor(ServerHttpRequest request) {
		for (Compiled rule : this.rules) {
			if (rule.matcher().matches(request)) {
				return rule.mode();
			}
		}
		return AuthMode.REQUIRED;
	}

	private record Compiled(RequestMatcher matcher, AuthMode mode) {
	}

}
