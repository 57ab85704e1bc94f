package com.contentsuite.passport;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.contentsuite.common.internal.InternalAuth;
import com.contentsuite.common.redis.RedisNamespace;
import com.contentsuite.passport.PassportClient.Answer;
import com.contentsuite.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the integration tests share: the running service on its port, a signed client, and
 * the steps most journeys start with (a solved captcha, an account, a login).
 */
@IntegrationTest
public abstract class PassportIntegrationTest {

	protected static final String PASSWORD = "quiet-harbor-lantern-42";

	@LocalServerPort
	private int port;

	@Autowired
	protected InternalAuth auth;

	@Autowired
	protected StringRedisTemplate redis;

	@Autowired
	protected RedisNamespace namespace;

	@Autowired
	protected JdbcTemplate jdbc;

	protected PassportClient client;

	@BeforeEach
	void createClient() {
		this.client = new PassportClient(this.port, this.auth);
	}

	/** A captcha fetched as a client would, with its answer read from Redis. */
	protected Captcha solveCaptcha() {
		String id = "c-" + UUID.randomUUID();
		HttpResponse<byte[]> image = this.client.exchange(
				this.client.request("GET", "/passport/image_code?cur_id=" + id, null, null, Map.of()),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(image.statusCode()).isEqualTo(200);
		String answer = this.redis.opsForValue().get(this.namespace.key("passport:captcha:" + id));
		assertThat(answer).isNotBlank();
		return new Captcha(id, answer);
	}

	protected Answer registerWith(Map<String, Object> fields) {
		Captcha captcha = solveCaptcha();
		Map<String, Object> body = new LinkedHashMap<>(fields);
		body.putIfAbsent("img_code_id", captcha.id());
		body.putIfAbsent("img_code", captcha.answer());
		return this.client.post("/passport/register", body);
	}

	protected long register(String username) {
		Answer answer = registerWith(Map.of("username", username, "password", PASSWORD));
		assertThat(answer.errCode()).as(answer.toString()).isZero();
		return Long.parseLong(answer.text("userID"));
	}

	protected Answer login(String account, String password) {
		return this.client.post("/passport/login", Map.of("account", account, "password", password));
	}

	protected Tokens loginOk(String account, String password) {
		Answer answer = login(account, password);
		assertThat(answer.errCode()).as(answer.toString()).isZero();
		return new Tokens(Long.parseLong(answer.text("userID")), answer.text("accessToken"),
				answer.text("refreshToken"));
	}

	protected Answer refresh(String refreshToken) {
		return this.client.post("/passport/refresh", Map.of("refreshToken", refreshToken));
	}

	protected boolean revokedInRedis(String sid) {
		return Boolean.TRUE.equals(this.redis.hasKey(this.namespace.key("passport:revoked:sid:" + sid)));
	}

	protected String revokedAt(String sid) {
		return this.jdbc.queryForObject("SELECT CAST(revoked_at AS CHAR) FROM login_session WHERE sid = ?",
				String.class, sid);
	}

	/** A claim of a JWT's payload, read without verifying it. */
	protected static String claim(String jwt, String name) {
		String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
		JsonNode node = PassportClient.JSON.readTree(payload).get(name);
		return (node != null) ? node.asString() : null;
	}

	protected static String newUsername() {
		return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	protected static String newMobile() {
		return "13" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
	}

	protected record Captcha(String id, String answer) {
	}

	protected record Tokens(long userId, String access, String refresh) {

		public String sid() {
			return claim(this.access, "sid");
		}

	}

}
