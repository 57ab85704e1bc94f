package com.contentsuite.gateway.guard;

import java.net.URI;
import java.net.URISyntaxException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestTargetsTests {

	/** What Spring's Reactor adapter does with an origin-form target. */
	private static boolean uriParses(String target) {
		try {
			new URI("http://127.0.0.1:10010" + target);
			return true;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/users/me", "/users/5?page=1&size=20", "/files/avatars/7/ab12.png",
			"/users/a%20b?q=%E4%B8%AD", "/users/me?next=/a?b", "/users/me?q=[1]", "/users/me#top",
			"/users/~a!$&'()*+,;=:@" })
	void acceptsWhatTheUriParserAccepts(String target) {
		assertThat(uriParses(target)).as(target).isTrue();
		assertThat(RequestTargets.isParsable(target)).as(target).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://gw/users/me", "http://gw", "*" })
	void acceptsAnAbsoluteOrAsteriskFormTheAdapterCanParse(String target) {
		assertThat(RequestTargets.isParsable(target)).as(target).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/users\\me", "/users|me", "/users/{userID}", "/users/me?q={x}", "/users/me?q=a|b",
			"/users/%zz", "/users/me?q=%zz", "/users/me%2", "/users/me?q=%", "/users/a b", "/users/a\"b", "/users/a<b>",
			"/users/a^b", "/users/a`b", "/users/a[b]", "/users/me#a#b", "/users/\u0000", "/users/\u007f",
			"/users/\u0085", "/users/\u00a0", "http://gw/users|me" })
	void refusesWhatTheUriParserRefuses(String target) {
		assertThat(RequestTargets.isParsable(target)).as(target).isFalse();
	}

	// Netty hands the target over one char per byte (ISO-8859-1), so every byte value is
	// covered in the path, the query and an escape.
	@Test
	void agreesWithTheUriParserOnEveryByteWhereverItStands() {
		for (char c = 0; c < 256; c++) {
			for (String target : new String[] { "/users/a" + c + "b", "/users/me?q=a" + c + "b",
					"/users/me#a" + c + "b", "/users/%4" + c, "/users/me?q=%" + c + "1" }) {
				assertThat(RequestTargets.isParsable(target)).as("U+%04X in %s", (int) c, target)
					.isEqualTo(uriParses(target));
			}
		}
	}

}
