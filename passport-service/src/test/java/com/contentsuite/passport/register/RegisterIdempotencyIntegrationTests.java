package com.contentsuite.passport.register;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import com.contentsuite.passport.PassportClient.Answer;
import com.contentsuite.passport.PassportIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key} on register, common's mechanism as every idempotent route uses
 * it: one account per key, the first answer replayed, another body refused.
 */
class RegisterIdempotencyIntegrationTests extends PassportIntegrationTest {

	@Test
	void aRepeatWithTheSameKeyAnswersTheSameAccountAndCreatesNothing() {
		String username = newUsername();
		Map<String, Object> body = bodyFor(username);

		Answer first = post(body, "reg-" + username);
		Answer repeat = post(body, "reg-" + username);

		assertThat(first.errCode()).as(first.toString()).isZero();
		assertThat(repeat.status()).isEqualTo(200);
		assertThat(repeat.text("userID")).isEqualTo(first.text("userID"));
		assertThat(repeat.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(accountsNamed(username)).isEqualTo(1);
	}

	@Test
	void theSameKeyWithAnotherBodyIsADuplicateKey() {
		String username = newUsername();
		assertThat(post(bodyFor(username), "k-" + username).errCode()).isZero();

		Answer other = post(bodyFor(newUsername()), "k-" + username);

		assertThat(other.status()).isEqualTo(409);
		assertThat(other.errCode()).isEqualTo(1003);
		assertThat(other.errDlt()).isEqualTo("Idempotency-Key was used for another request");
	}

	@Test
	void withoutAKeyARepeatIsTheUsualAccountAlreadyRegistered() {
		String username = newUsername();
		assertThat(post(bodyFor(username), null).errCode()).isZero();

		Answer again = post(bodyFor(username), null);

		assertThat(again.errCode()).isEqualTo(20004);
	}

	@Test
	void anInvalidKeyIsAnArgsError() {
		Answer answer = post(bodyFor(newUsername()), "not valid!");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.errCode()).isEqualTo(1001);
		assertThat(answer.errDlt()).isEqualTo("Idempotency-Key is invalid");
	}

	@Test
	void anAnswerThatWasNotDefinitiveIsNotKept() {
		String username = newUsername();
		Map<String, Object> wrongCaptcha = new LinkedHashMap<>(bodyFor(username));
		wrongCaptcha.put("img_code", "zzzzzz");
		Answer wrong = post(wrongCaptcha, "c-" + username);
		assertThat(wrong.errCode()).isEqualTo(20006);

		Answer replayed = post(wrongCaptcha, "c-" + username);

		assertThat(replayed.errCode()).as("a client error is the answer to that request").isEqualTo(20006);
		assertThat(replayed.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
	}

	@Test
	void concurrentRepeatsMakeOneAccountAndAllAnswerIt() throws Exception {
		String username = newUsername();
		Map<String, Object> body = bodyFor(username);
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Answer>> calls = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			calls.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return post(body, "race-" + username);
			}));
		}
		start.countDown();

		List<Answer> answers = calls.stream().map(CompletableFuture::join).toList();

		assertThat(answers).allSatisfy((answer) -> assertThat(answer.errCode()).as(answer.toString()).isZero());
		assertThat(answers.stream().map((answer) -> answer.text("userID")).distinct()).hasSize(1);
		assertThat(accountsNamed(username)).isEqualTo(1);
	}

	private Map<String, Object> bodyFor(String username) {
		Captcha captcha = solveCaptcha();
		return Map.of("username", username, "password", PASSWORD, "img_code_id", captcha.id(), "img_code",
				captcha.answer());
	}

	private Answer post(Map<String, Object> body, String key) {
		return this.client.send("POST", "/passport/register", body, null,
				(key != null) ? Map.of("Idempotency-Key", key) : Map.of());
	}

	private int accountsNamed(String username) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE username = ?", Integer.class, username);
	}

}
