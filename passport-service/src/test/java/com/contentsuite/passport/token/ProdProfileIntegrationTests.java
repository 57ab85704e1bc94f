package com.contentsuite.passport.token;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

import com.contentsuite.passport.PassportApplication;
import com.contentsuite.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code prod} profile as an operator would start it. These start the application
 * themselves (not through {@code @IntegrationTest}) since the point is whether it starts.
 */
class ProdProfileIntegrationTests {

	private static final TestInfrastructure infrastructure = TestInfrastructure.get();

	private static String[] arguments(String database, String... extra) {
		List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=prod", "--server.port=0",
				"--spring.datasource.url=" + infrastructure.jdbcUrl(database),
				"--spring.datasource.username=" + infrastructure.mysqlUser(),
				"--spring.datasource.password=" + infrastructure.mysqlPassword(),
				"--spring.data.redis.url=" + infrastructure.redisUrl(), "--suite.redis.namespace=" + database + ":",
				"--suite.internal-auth.secret=an-operator-chosen-secret-0123456789abcdef"));
		arguments.addAll(List.of(extra));
		return arguments.toArray(String[]::new);
	}

	@Test
	void refusesToStartWithoutAConfiguredSigningKey() {
		String database = infrastructure.createDatabase("prod");
		try {
			assertThatThrownBy(() -> new SpringApplicationBuilder(PassportApplication.class).run(arguments(database)))
				.hasStackTraceContaining("passport.token.private-key");
		}
		finally {
			infrastructure.dropDatabase(database);
		}
	}

	@Test
	void startsWithAConfiguredSigningKeyAndUsesIt() {
		KeyPair pair = SigningKeys.generate();
		String pem = TokenFixtures.pem("PRIVATE KEY", pair.getPrivate().getEncoded());
		String database = infrastructure.createDatabase("prod");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PassportApplication.class)
			.run(arguments(database, "--passport.token.private-key=" + pem, "--passport.token.key-id=prod-1"))) {
			SigningKeys keys = context.getBean(SigningKeys.class);
			assertThat(keys.activeKid()).isEqualTo("prod-1");
			assertThat(keys.publicKey("prod-1")).isEqualTo(pair.getPublic());
		}
		finally {
			infrastructure.dropDatabase(database);
		}
	}

}
