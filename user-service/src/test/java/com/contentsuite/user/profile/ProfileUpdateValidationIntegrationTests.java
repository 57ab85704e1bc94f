package com.contentsuite.user.profile;

import java.time.LocalDate;
import java.time.ZoneOffset;

import com.contentsuite.user.Api;
import com.contentsuite.testsupport.ServiceApi.Reply;
import com.contentsuite.user.UserServiceIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of {@code PUT /users/me}: each refusal is 1001 and names its field. */
class ProfileUpdateValidationIntegrationTests extends UserServiceIntegrationTest {

	private Reply put(long userId, String field, String jsonValue) {
		return this.api.put("/users/me", userId, "{\"" + field + "\": " + jsonValue + "}");
	}

	private void assertRefused(Reply reply, String field) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.errCode()).isEqualTo(1001);
		assertThat(reply.errDlt()).startsWith(field + " ");
		assertThat(reply.json().has("data")).isFalse();
	}

	@Nested
	class Nickname {

		@ParameterizedTest
		@ValueSource(strings = { "\"\"", "\"   \"", "\"\\u3000\\t\"", "\"123456789012345678901234567890123\"",
				"{\"a\": 1}", "[\"x\"]" })
		void isRefusedWhenEmptyBlankLongerThan32OrNotText(String value) {
			assertRefused(put(syncedUser(), "nickname", value), "nickname");
		}

		@Test
		void countsCharactersNotUtf16Units() {
			long userId = syncedUser();
			String thirtyTwoCats = "🐱".repeat(32);

			Reply reply = put(userId, "nickname", Api.quote(thirtyTwoCats));

			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
			assertThat(reply.data().get("nickname").stringValue()).isEqualTo(thirtyTwoCats);
			assertRefused(put(userId, "nickname", Api.quote(thirtyTwoCats + "🐱")), "nickname");
		}

		@Test
		void countsCjkCharactersOutsideTheBmpAsOneEach() {
			long userId = syncedUser();
			String thirtyTwo = supplementaryCjk(32);

			Reply reply = put(userId, "nickname", Api.quote(thirtyTwo));

			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
			assertThat(reply.data().get("nickname").stringValue()).isEqualTo(thirtyTwo);
			assertThat(ProfileUpdateValidationIntegrationTests.this.api.get("/users/me", userId)
				.data()
				.get("nickname")
				.stringValue()).isEqualTo(thirtyTwo);
			assertRefused(put(userId, "nickname", Api.quote(supplementaryCjk(33))), "nickname");
		}

		// A number has no one text (1, 1.0, 1e0): a text field takes a JSON string only.
		@Test
		void givenAsANumberIsAWrongTypeAndChangesNothing() {
			long userId = syncedUser();

			Reply reply = put(userId, "nickname", "123");

			assertRefused(reply, "nickname");
			assertThat(reply.errDlt()).isEqualTo("nickname has a wrong type");
			assertThat(nickname(userId)).isEqualTo("nick" + userId);
		}

		@ParameterizedTest
		@ValueSource(strings = { "\"\\ud800\"", "\"a\\udc00\"", "\"\\ude00\\ud83d\"" })
		void thatIsNotValidUnicodeIsRefusedAndNeverStoredAltered(String value) {
			long userId = syncedUser();

			Reply reply = put(userId, "nickname", value);

			assertRefused(reply, "nickname");
			assertThat(reply.errDlt()).isEqualTo("nickname is not valid Unicode text");
			assertThat(nickname(userId)).isEqualTo("nick" + userId);
		}

		@Test
		void withNulIsRefused() {
			Reply reply = put(syncedUser(), "nickname", "\"a\\u0000b\"");

			assertRefused(reply, "nickname");
			assertThat(reply.errDlt()).isEqualTo("nickname must not contain U+0000");
		}

		@ParameterizedTest
		@ValueSource(strings = { "\"ali\\u202eecila\"", "\"a\\u2066b\"", "\"a\\tb\"", "\"a\\u0085b\"" })
		void withControlOrBidiFormattingCharactersIsRefused(String value) {
			long userId = syncedUser();

			Reply reply = put(userId, "nickname", value);

			assertRefused(reply, "nickname");
			assertThat(nickname(userId)).isEqualTo("nick" + userId);
		}

		@Test
		void inRightToLeftScriptIsAccepted() {
			long userId = syncedUser();

			Reply reply = put(userId, "nickname", Api.quote("שלום أحمد"));

			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
			assertThat(nickname(userId)).isEqualTo("שלום أحمد");
		}

		private String nickname(long userId) {
			return ProfileUpdateValidationIntegrationTests.this.api.get("/users/me", userId)
				.data()
				.get("nickname")
				.stringValue();
		}

	}

	@Nested
	class Signature {

		@Test
		void acceptsUpTo256CharactersAndRefusesMore() {
			long userId = syncedUser();

			assertThat(put(userId, "signature", Api.quote("s".repeat(256))).status()).isEqualTo(200);
			assertThat(put(userId, "signature", "\"\"").data().get("signature").stringValue()).isEmpty();
			assertRefused(put(userId, "signature", Api.quote("s".repeat(257))), "signature");
		}

		// Free text: right-to-left writing uses embeddings and isolates, and a signature
		// may
		// span lines. Only what is not text at all is refused.
		@Test
		void keepsBidiFormattingAndLineBreaksButRefusesWhatIsNotText() {
			long userId = syncedUser();
			String signature = "\u202Bשלום\u202C\n\u2067أحمد\u2069";

			Reply reply = put(userId, "signature", Api.quote(signature));

			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
			assertThat(reply.data().get("signature").stringValue()).isEqualTo(signature);
			assertRefused(put(userId, "signature", "\"\\udbff\""), "signature");
			assertRefused(put(userId, "signature", "\"\\u0000\""), "signature");
			assertRefused(put(userId, "signature", "42"), "signature");
		}

	}

	@Nested
	class Sex {

		@ParameterizedTest
		@ValueSource(strings = { "-1", "3", "1.5", "\"male\"", "true", "[1]" })
		void isRefusedOutsideZeroToTwoOrWhenNotAWholeNumber(String value) {
			assertRefused(put(syncedUser(), "sex", value), "sex");
		}

		@ParameterizedTest
		@ValueSource(ints = { 0, 1, 2 })
		void acceptsZeroOneAndTwo(int sex) {
			assertThat(put(syncedUser(), "sex", Integer.toString(sex)).data().get("sex").intValue()).isEqualTo(sex);
		}

	}

	@Nested
	class BirthDate {

		@ParameterizedTest
		@ValueSource(strings = { "\"1990/05/17\"", "\"17-05-1990\"", "\"1990-5-17\"", "\"2001-02-29\"",
				"\"1990-13-01\"", "\"1990-05-17T00:00:00Z\"", "\"1899-12-31\"", "\"\"", "19900517" })
		void isRefusedUnlessARealDateAsYyyyMmDdFrom1900(String value) {
			assertRefused(put(syncedUser(), "birthDate", value), "birthDate");
		}

		@Test
		void mustBeStrictlyInThePast() {
			long userId = syncedUser();
			LocalDate today = LocalDate.now(ZoneOffset.UTC);

			assertRefused(put(userId, "birthDate", Api.quote(today.plusDays(1).toString())), "birthDate");
			assertRefused(put(userId, "birthDate", Api.quote(today.toString())), "birthDate");
			Reply yesterday = put(userId, "birthDate", Api.quote(today.minusDays(2).toString()));
			assertThat(yesterday.data().get("birthDate").stringValue()).isEqualTo(today.minusDays(2).toString());
		}

	}

	@Nested
	class Body {

		@Test
		void thatIsMalformedJsonIsRefusedWith1001() {
			Reply reply = ProfileUpdateValidationIntegrationTests.this.api.put("/users/me", syncedUser(),
					"{\"nickname\": ");

			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.errCode()).isEqualTo(1001);
			assertThat(reply.errDlt()).isEqualTo("request body is not valid JSON");
		}

		@Test
		void thatIsMissingIsRefusedWith1001() {
			Reply reply = ProfileUpdateValidationIntegrationTests.this.api.put("/users/me", syncedUser(), null);

			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.errCode()).isEqualTo(1001);
		}

		@Test
		void withOneBadFieldChangesNoField() {
			long userId = syncedUser();
			JsonNode before = ProfileUpdateValidationIntegrationTests.this.api.get("/users/me", userId).data();

			Reply reply = ProfileUpdateValidationIntegrationTests.this.api.put("/users/me", userId,
					"{\"nickname\": \"Changed\", \"signature\": \"changed\", \"birthDate\": \"2999-01-01\"}");

			assertRefused(reply, "birthDate");
			assertThat(ProfileUpdateValidationIntegrationTests.this.api.get("/users/me", userId).data())
				.isEqualTo(before);
		}

	}

}
