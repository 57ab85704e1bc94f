package com.contentsuite.common.json;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StrictJsonTests {

	private final JsonMapper json = mapper();

	private static JsonMapper mapper() {
		JsonMapper.Builder builder = JsonMapper.builder();
		new StrictJson().customize(builder);
		return builder.build();
	}

	private Profile read(String body) {
		return this.json.readValue(body, Profile.class);
	}

	@Nested
	class UnicodeText {

		@ParameterizedTest
		@ValueSource(strings = { "\\ud800", "\\udc00", "a\\ud83d", "\\ude00\\ud83d", "\\ud83d\\ud83d\\ude00x\\ud800" })
		void aLoneSurrogateIsRefusedNamingTheField(String escaped) {
			assertThatExceptionOfType(InvalidTextException.class)
				.isThrownBy(() -> read("{\"nickname\": \"" + escaped + "\"}"))
				.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("is not valid Unicode text"))
				.satisfies((ex) -> assertThat(ex.getPath()).extracting((ref) -> ref.getPropertyName())
					.containsExactly("nickname"));
		}

		@Test
		void aSurrogateEncodedAsUtf8BytesIsMalformedInputAlready() {
			// CESU-style bytes for U+D800 (ED A0 80): Jackson's UTF-8 decoder refuses
			// them
			// itself, which the exception mapping answers "request body is not valid
			// JSON".
			byte[] body = { '{', '"', 'n', 'i', 'c', 'k', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0,
					(byte) 0x80, '"', '}' };

			assertThatExceptionOfType(StreamReadException.class)
				.isThrownBy(() -> StrictJsonTests.this.json.readValue(body, Profile.class));
		}

		@Test
		void nulIsRefused() {
			assertThatExceptionOfType(InvalidTextException.class)
				.isThrownBy(() -> read("{\"nickname\": \"a\\u0000b\"}"))
				.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("must not contain U+0000"));
		}

		@Test
		void textInListsIsCheckedAndNamedByIndex() {
			assertThatExceptionOfType(InvalidTextException.class)
				.isThrownBy(() -> read("{\"tags\": [\"ok\", \"\\udfff\"]}"))
				.satisfies((ex) -> assertThat(ex.getPath()).extracting((ref) -> ref.getPropertyName())
					.containsExactly("tags", null));
		}

		@Test
		void surrogatePairsBidiAndOtherControlsAreText() {
			Profile profile = read("{\"nickname\": \"\\ud83d\\ude00 \\u202e\\u2066 \\t\\n \\ud840\\udc00\"}");

			assertThat(profile.nickname()).isEqualTo("\uD83D\uDE00 \u202E\u2066 \t\n \uD840\uDC00");
		}

	}

	@Nested
	class WrongTypes {

		@ParameterizedTest
		@ValueSource(strings = { "123", "1.5", "true", "{}", "[\"x\"]" })
		void aNonStringForTextIsAWrongType(String value) {
			assertThatExceptionOfType(MismatchedInputException.class)
				.isThrownBy(() -> read("{\"nickname\": " + value + "}"))
				.isNotInstanceOf(InvalidTextException.class)
				.satisfies((ex) -> assertThat(ex.getPath()).extracting((ref) -> ref.getPropertyName())
					.containsExactly("nickname"));
		}

		@Test
		void nullStaysNull() {
			assertThat(read("{\"nickname\": null}").nickname()).isNull();
		}

		@Test
		void numbersStillReadAsNumbersAndFromAStringOfDigits() {
			assertThat(read("{\"sex\": 2}").sex()).isEqualTo(2);
			assertThat(read("{\"sex\": \"1\"}").sex()).isEqualTo(1);
		}

	}

	@Nested
	class Identifiers {

		@Test
		void anIdTakesAStringOrAWholeNumber() {
			assertThat(read("{\"target\": \"7\"}").target()).isEqualTo("7");
			assertThat(read("{\"target\": 7}").target()).isEqualTo("7");
			assertThat(read("{\"target\": 12345678901234567890}").target()).isEqualTo("12345678901234567890");
			assertThat(read("{\"ids\": [\"1\", 2]}").ids()).containsExactly("1", "2");
		}

		@ParameterizedTest
		@ValueSource(strings = { "1.5", "true", "{}", "[1]" })
		void anIdOfAnotherTypeIsAWrongType(String value) {
			assertThatExceptionOfType(MismatchedInputException.class)
				.isThrownBy(() -> read("{\"target\": " + value + "}"))
				.isNotInstanceOf(InvalidTextException.class);
		}

		@Test
		void anIdIsTextToo() {
			assertThatExceptionOfType(InvalidTextException.class).isThrownBy(() -> read("{\"target\": \"\\ud800\"}"));
		}

	}

	record Profile(String nickname, Integer sex, List<String> tags,
			@JsonDeserialize(using = IdDeserializer.class) String target,
			@JsonDeserialize(contentUsing = IdDeserializer.class) List<String> ids) {
	}

}
