package com.contentsuite.passport.register;

import java.util.List;
import java.util.Map;

import com.contentsuite.passport.Concurrently;
import com.contentsuite.passport.PassportClient.Answer;
import com.contentsuite.passport.PassportIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegisterIntegrationTests extends PassportIntegrationTest {

	@Nested
	class CheckMobile {

		@Test
		void anUnusedMobileIsAvailableAndARegisteredOneIsNot() {
			String mobile = newMobile();
			Answer before = client.post("/passport/check_mobile", Map.of("mobile", mobile));
			assertThat(before.errCode()).isZero();
			assertThat(before.text("mobile")).isEqualTo(mobile);
			assertThat(before.data().get("available").asBoolean()).isTrue();

			assertThat(registerWith(Map.of("mobile", mobile, "password", PASSWORD)).errCode()).isZero();

			Answer after = client.post("/passport/check_mobile", Map.of("mobile", mobile));
			assertThat(after.data().get("available").asBoolean()).isFalse();
		}

		@Test
		void aMalformedMobileIsAnArgumentError() {
			Answer answer = client.post("/passport/check_mobile", Map.of("mobile", "12345678901"));
			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.errCode()).isEqualTo(1001);
			assertThat(answer.errDlt()).contains("mobile");
		}

	}

	@Nested
	class Register {

		@Test
		void createsTheAccountWithABcryptHashAndAnOutboxEvent() {
			String username = newUsername();
			String mobile = newMobile();
			Answer answer = registerWith(Map.of("username", username, "mobile", mobile, "password", PASSWORD, "userID",
					"1", "createTime", "2020-01-01T00:00:00.000Z"));
			assertThat(answer.errCode()).as(answer.toString()).isZero();
			String userId = answer.text("userID");
			assertThat(userId).matches("\\d+").isNotEqualTo("1");

			Map<String, Object> row = jdbc.queryForMap("SELECT * FROM account WHERE id = ?", Long.parseLong(userId));
			assertThat(row.get("username")).isEqualTo(username);
			assertThat(row.get("mobile")).isEqualTo(mobile);
			assertThat((String) row.get("password_hash")).startsWith("$2a$04$").doesNotContain(PASSWORD);
			Map<String, Object> event = jdbc.queryForMap("SELECT * FROM account_outbox WHERE user_id = ?",
					Long.parseLong(userId));
			assertThat(event.get("username")).isEqualTo(username);
			assertThat(event.get("nickname")).isEqualTo(username);
			assertThat(event.get("mobile_masked")).isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7));
		}

		@Test
		void acceptsAChineseUsernameAndAnUpperCaseCaptchaAnswer() {
			Captcha captcha = solveCaptcha();
			Answer answer = client.post("/passport/register", Map.of("username", "张三_" + newUsername().substring(1, 6),
					"password", PASSWORD, "img_code_id", captcha.id(), "img_code", captcha.answer().toUpperCase()));
			assertThat(answer.errCode()).as(answer.toString()).isZero();
		}

		@Test
		void needsAMobileOrAUsername() {
			assertArgsError(registerWith(Map.of("password", PASSWORD)), "mobile or username");
		}

		@Test
		void refusesMalformedMobilesAndUsernames() {
			assertArgsError(registerWith(Map.of("mobile", "1234", "password", PASSWORD)), "mobile");
			assertArgsError(registerWith(Map.of("username", "ab", "password", PASSWORD)), "username");
			assertArgsError(registerWith(Map.of("username", "123456", "password", PASSWORD)), "username");
			assertArgsError(registerWith(Map.of("username", "bad-name!", "password", PASSWORD)), "username");
			assertArgsError(registerWith(Map.of("username", "a".repeat(21), "password", PASSWORD)), "username");
		}

		@Test
		void refusesPasswordsAgainstThePolicy() {
			String username = newUsername();
			assertArgsError(registerWith(Map.of("username", username, "password", "short")), "password");
			assertArgsError(registerWith(Map.of("username", username, "password", "password1")), "password");
			assertArgsError(registerWith(Map.of("username", username, "password", username.toUpperCase())), "password");
			String mobile = newMobile();
			assertArgsError(registerWith(Map.of("mobile", mobile, "password", mobile)), "password");
			assertArgsError(registerWith(Map.of("username", username)), "password");
		}

		@Test
		void needsTheCaptchaFields() {
			assertArgsError(client.post("/passport/register", Map.of("username", newUsername(), "password", PASSWORD)),
					"img_code_id");
			assertArgsError(registerWith(Map.of("username", newUsername(), "password", PASSWORD, "img_code", "")),
					"img_code");
		}

		@Test
		void aWrongCaptchaIs20006AndAnUnknownOneIs20007() {
			Answer wrong = registerWith(Map.of("username", newUsername(), "password", PASSWORD, "img_code", "zzzz"));
			assertThat(wrong.errCode()).isEqualTo(20006);
			Answer unknown = registerWith(
					Map.of("username", newUsername(), "password", PASSWORD, "img_code_id", "never-issued-1"));
			assertThat(unknown.errCode()).isEqualTo(20007);
		}

		@Test
		void fieldsAreCheckedBeforeTheCaptchaIsSpent() {
			Captcha captcha = solveCaptcha();
			Answer invalid = client.post("/passport/register", Map.of("username", "x", "password", PASSWORD,
					"img_code_id", captcha.id(), "img_code", captcha.answer()));
			assertThat(invalid.errCode()).isEqualTo(1001);
			Answer valid = client.post("/passport/register", Map.of("username", newUsername(), "password", PASSWORD,
					"img_code_id", captcha.id(), "img_code", captcha.answer()));
			assertThat(valid.errCode()).isZero();
		}

		@Test
		void aTakenMobileIs20003AndATakenUsernameInAnyCaseIs20004() {
			String mobile = newMobile();
			String username = newUsername();
			assertThat(registerWith(Map.of("mobile", mobile, "username", username, "password", PASSWORD)).errCode())
				.isZero();
			Answer mobileTaken = registerWith(Map.of("mobile", mobile, "password", PASSWORD));
			assertThat(mobileTaken.status()).isEqualTo(409);
			assertThat(mobileTaken.errCode()).isEqualTo(20003);
			Answer nameTaken = registerWith(Map.of("username", username.toUpperCase(), "password", PASSWORD));
			assertThat(nameTaken.status()).isEqualTo(409);
			assertThat(nameTaken.errCode()).isEqualTo(20004);
		}

		@Test
		void racingRegistrationsOfOneUsernameCreateOneAccountAndAnswer20004ToTheRest() {
			String username = newUsername();
			List<Captcha> captchas = List.of(solveCaptcha(), solveCaptcha(), solveCaptcha(), solveCaptcha());
			List<Integer> codes = Concurrently
				.run(captchas.size(),
						(i) -> client
							.post("/passport/register",
									Map.of("username", username, "password", PASSWORD, "img_code_id",
											captchas.get(i).id(), "img_code", captchas.get(i).answer())))
				.stream()
				.map(Answer::errCode)
				.toList();
			assertThat(codes).containsOnlyOnce(0).filteredOn((code) -> code != 0).containsOnly(20004);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE username_key = ?", Integer.class,
					username.toLowerCase()))
				.isEqualTo(1);
		}

		@Test
		void malformedJsonIsAnArgumentError() {
			Answer answer = client.post("/passport/register", "{\"username\": ");
			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.errCode()).isEqualTo(1001);
		}

		private void assertArgsError(Answer answer, String field) {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
			assertThat(answer.errCode()).isEqualTo(1001);
			assertThat(answer.errDlt()).contains(field);
		}

	}

}
