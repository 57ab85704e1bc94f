package com.contentsuite.e2e.journey;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One started suite shared by every journey class of a run (starting five jars costs half
 * a minute); JUnit closes it when the run ends.
 */
final class RunningSuite implements AutoCloseable {

	static final String PASSWORD = "quiet-harbor-lantern-42";

	final Suite suite;

	final Captchas captchas;

	final Client client;

	private RunningSuite(Suite suite) {
		this.suite = suite;
		this.captchas = new Captchas(suite.gatewayUrl(), suite.namespace);
		this.client = new Client(suite.gatewayUrl());
	}

	static RunningSuite in(ExtensionContext context) {
		return context.getRoot()
			.getStore(ExtensionContext.Namespace.GLOBAL)
			.computeIfAbsent(RunningSuite.class, (key) -> start(), RunningSuite.class);
	}

	private static RunningSuite start() {
		try {
			Suite suite = new Suite();
			try {
				suite.startAll();
			}
			catch (Exception ex) {
				suite.close();
				throw ex;
			}
			return new RunningSuite(suite);
		}
		catch (Exception ex) {
			throw new IllegalStateException("the suite did not start: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Hands the shared suite to a {@code @BeforeAll} method that declares a
	 * {@link RunningSuite}.
	 */
	static final class Resolver implements ParameterResolver {

		@Override
		public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
			return parameter.getParameter().getType() == RunningSuite.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
			return in(context);
		}

	}

	String register(String username) throws Exception {
		Captchas.Solved captcha = this.captchas.solve();
		Client.Answer answer = this.client.post("/passport/register", Map.of("username", username, "password", PASSWORD,
				"img_code_id", captcha.id(), "img_code", captcha.answer().toUpperCase()), null);
		assertThat(answer.errCode()).as(answer.body().toString()).isZero();
		return answer.text("userID");
	}

	Client.Answer login(String account) throws Exception {
		Client.Answer answer = this.client.post("/passport/login", Map.of("account", account, "password", PASSWORD),
				null);
		assertThat(answer.errCode()).as(answer.body().toString()).isZero();
		return answer;
	}

	Client.Answer awaitProfile(String token) throws Exception {
		return awaitProfile(token, Duration.ofSeconds(20));
	}

	/**
	 * The profile arrives through the outbox relay, so it may lag the registration a
	 * little.
	 */
	Client.Answer awaitProfile(String token, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		Client.Answer answer;
		do {
			answer = this.client.get("/users/me", token, Map.of());
			if (answer.errCode() == 0) {
				return answer;
			}
			Thread.sleep(250);
		}
		while (System.nanoTime() < deadline);
		throw new AssertionError("profile did not appear: " + answer.body());
	}

	static String newUsername() {
		return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	@Override
	public void close() throws Exception {
		this.captchas.close();
		this.suite.close();
	}

}
