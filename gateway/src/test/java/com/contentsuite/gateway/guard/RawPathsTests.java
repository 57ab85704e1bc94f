package com.contentsuite.gateway.guard;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RawPathsTests {

	@ParameterizedTest
	@ValueSource(strings = { "/", "/users/me", "/users/me/", "/files/avatars/7/ab12.png", "/users/a%20b",
			"/passport/image_code", "/users/..me", "/users/.well", "/users/12%2B3", "/files/a.b.c" })
	void acceptsOrdinaryPaths(String path) {
		assertThat(RawPaths.isSafe(path)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "users/me", "/users/../internal", "/users/./me", "/..", "/users/..", "/users/.",
			"//users", "/users//me", "/users/me;x=1", "/users\\me", "/users/%2e%2e/x", "/users/%2E/x",
			"/users/..%2Finternal", "/users/%2f", "/users/%5cx", "/users/%5C", "/users/%252e", "/users/%00", "/users/%",
			"/users/%2", "/users/%zz", "/users/a\tb", "/users/\u007f" })
	void refusesWhatCouldChangeMeaningAfterRouting(String path) {
		assertThat(RawPaths.isSafe(path)).isFalse();
	}

}
