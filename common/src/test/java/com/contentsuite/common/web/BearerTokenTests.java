package com.contentsuite.common.web;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BearerTokenTests {

	private static HttpHeaders headers(String... namesAndValues) {
		HttpHeaders headers = new HttpHeaders();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (namesAndValues[i + 1] != null) {
				headers.add(namesAndValues[i], namesAndValues[i + 1]);
			}
		}
		return headers;
	}

	@Test
	void theTokenHeaderOrABearerAuthorizationIsTheToken() {
		assertThat(BearerToken.required(headers("token", "abc"))).isEqualTo("abc");
		assertThat(BearerToken.required(headers("token", null, "Authorization", "Bearer xyz"))).isEqualTo("xyz");
		assertThat(BearerToken.required(headers("token", " ", "Authorization", "bearer xyz "))).isEqualTo("xyz");
		assertThat(BearerToken.from(headers("TOKEN", " abc\t"))).isEqualTo("abc");
	}

	@Test
	void noTokenIsTokenEmpty() {
		for (String authorization : new String[] { null, "Basic abc", "Bearer ", "Bearer" }) {
			HttpHeaders headers = headers("token", null, "Authorization", authorization);
			assertThat(BearerToken.from(headers)).isNull();
			assertThatExceptionOfType(ApiException.class).isThrownBy(() -> BearerToken.required(headers))
				.satisfies((ex) -> {
					assertThat(ex.httpStatus()).isEqualTo(401);
					assertThat(ex.detail()).isEqualTo("token is empty");
				});
		}
		assertThat(BearerToken.from(headers("token", ""))).isNull();
	}

	// Passport's own copy let the token header win over a different Bearer; the gateway's
	// refused the pair (docs/api.md: "token header is repeated"), so passport never saw
	// one.
	@Test
	void aTokenAndADifferentBearerAreRefused() {
		assertRepeated(headers("token", "abc", "Authorization", "Bearer xyz"));
	}

	@Test
	void twoDifferentTokenHeadersAreRefused() {
		assertRepeated(headers("token", "abc", "token", "xyz"));
	}

	@Test
	void twoDifferentBearersAreRefused() {
		assertRepeated(headers("Authorization", "Bearer abc", "Authorization", "Bearer xyz"));
	}

	@Test
	void identicalCopiesCountAsOneToken() {
		assertThat(BearerToken.required(headers("token", "abc", "TOKEN", "abc ", "Authorization", "Bearer abc")))
			.isEqualTo("abc");
	}

	@Test
	void anEmptyTokenHeaderNextToABearerIsNoRepetition() {
		assertThat(BearerToken.from(headers("token", "", "Authorization", "Bearer abc"))).isEqualTo("abc");
		assertThat(BearerToken.from(headers("token", "abc", "Authorization", "Bearer "))).isEqualTo("abc");
	}

	@Test
	void anotherAuthorizationSchemeIsNoToken() {
		assertThat(BearerToken.from(headers("token", "abc", "Authorization", "Basic xyz"))).isEqualTo("abc");
	}

	private static void assertRepeated(HttpHeaders headers) {
		for (ThrowingAction read : new ThrowingAction[] { () -> BearerToken.from(headers),
				() -> BearerToken.required(headers) }) {
			assertThatExceptionOfType(ApiException.class).isThrownBy(read::run).satisfies((ex) -> {
				assertThat(ex.httpStatus()).isEqualTo(400);
				assertThat(ex.code()).isEqualTo(ErrorCode.ARGS);
				assertThat(ex.detail()).isEqualTo("token header is repeated");
			});
		}
	}

	private interface ThrowingAction {

		void run();

	}

}
