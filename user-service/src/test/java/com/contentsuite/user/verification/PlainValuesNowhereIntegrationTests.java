package com.contentsuite.user.verification;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.contentsuite.user.Api;
import com.contentsuite.testsupport.ServiceApi.Reply;
import com.contentsuite.user.UserServiceIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain name and number are in no stored column (the HMAC column included) and in no
 * log line of the verification calls, with the application and Spring MVC (which logs
 * request bodies) and JDBC (which logs statement parameters) at their most verbose.
 */
@ExtendWith(OutputCaptureExtension.class)
class PlainValuesNowhereIntegrationTests extends UserServiceIntegrationTest {

	private static final List<String> VERBOSE = List.of("com.contentsuite", "org.springframework.web",
			"org.springframework.jdbc", "org.springframework.transaction");

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private LoggingSystem logging;

	@BeforeEach
	void logEverything() {
		VERBOSE.forEach((name) -> this.logging.setLogLevel(name, LogLevel.TRACE));
	}

	@AfterEach
	void logAsBefore() {
		VERBOSE.forEach((name) -> this.logging.setLogLevel(name, null));
	}

	@Test
	void appearNeitherInTheTableNorInTheLog(CapturedOutput output) {
		long userId = syncedUser();
		long other = syncedUser();
		String idCard = IdCards.withCheckChar("3301061987060512" + (userId % 10));
		String name = "司马相如";

		Reply verified = post(userId, name, idCard.toLowerCase());
		Reply duplicate = post(other, name, idCard);
		Reply again = post(userId, name, idCard);
		Reply invalid = post(other, name, idCard.substring(0, 17) + wrongCheckChar(idCard));
		Reply view = this.api.get("/users/auth", userId);

		assertThat(verified.errCode()).isZero();
		assertThat(duplicate.errCode()).isEqualTo(1003);
		assertThat(again.errCode()).isEqualTo(1003);
		assertThat(invalid.errCode()).isEqualTo(1001);
		assertThat(view.data().get("verified").booleanValue()).isTrue();
		String table = this.jdbc.sql("SELECT * FROM real_name_verification")
			.query()
			.listOfRows()
			.stream()
			.map(Map::toString)
			.reduce("", String::concat);
		assertThat(table).contains(Long.toString(userId));
		String log = output.getAll();
		assertThat(log).as("the log captured the calls").contains("/users/auth");
		for (String text : List.of(table, log, verified.body(), duplicate.body(), again.body(), invalid.body(),
				view.body())) {
			assertThat(text).doesNotContainIgnoringCase(idCard)
				.doesNotContain(idCard.substring(0, 17))
				.doesNotContain(idCard.substring(6, 14))
				.doesNotContain(name)
				.doesNotContain(name.substring(1))
				.doesNotContain(Base64.getEncoder().encodeToString(idCard.getBytes()));
		}
	}

	private static char wrongCheckChar(String idCard) {
		return (idCard.charAt(17) == '1') ? '2' : '1';
	}

	private Reply post(long userId, String realName, String idCard) {
		return this.api.send("POST", "/users/auth", Api.GATEWAY, userId,
				"{\"realName\": %s, \"idCard\": %s}".formatted(Api.quote(realName), Api.quote(idCard)));
	}

}
