package com.contentsuite.passport.session;

import com.contentsuite.common.web.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BearerTokenTests {

	@Test
	void theTokenHeaderComesFirstThenABearerAuthorization() {
		assertThat(BearerToken.from("abc", "Bearer xyz")).isEqualTo("abc");
		assertThat(BearerToken.from(null, "Bearer xyz")).isEqualTo("xyz");
		assertThat(BearerToken.from(" ", "bearer xyz ")).isEqualTo("xyz");
	}

	@Test
	void noTokenIsTokenEmpty() {
		for (String authorization : new String[] { null, "Basic abc", "Bearer ", "Bearer" }) {
			assertThatExceptionOfType(ApiException.class).isThrownBy(() -> BearerToken.from(null, authorization))
				.satisfies((ex) -> {
					assertThat(ex.httpStatus()).isEqualTo(401);
					assertThat(ex.detail()).isEqualTo("token is empty");
				});
		}
	}

}
