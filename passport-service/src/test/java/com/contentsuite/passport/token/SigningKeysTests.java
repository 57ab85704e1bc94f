package com.contentsuite.passport.token;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeysTests {

	private static final KeyPair CURRENT = SigningKeys.generate();

	private static final KeyPair PREVIOUS = SigningKeys.generate();

	private static TokenProperties configured(String keyId, String privatePem,
			List<TokenProperties.VerificationKey> publicKeys, boolean required) {
		return new TokenProperties("content-suite", Duration.ofMinutes(30), Duration.ofDays(14), keyId, privatePem,
				publicKeys, required);
	}

	private static String privatePem(KeyPair pair) {
		return TokenFixtures.pem("PRIVATE KEY", pair.getPrivate().getEncoded());
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, String>> jwks(SigningKeys keys) {
		return (List<Map<String, String>>) keys.jwkSet().get("keys");
	}

	@Test
	void withoutConfigurationADevelopmentKeyIsGeneratedAndNamedByItsThumbprint() {
		SigningKeys keys = SigningKeys.from(TokenFixtures.properties());
		assertThat(jwks(keys)).singleElement().satisfies((jwk) -> {
			assertThat(jwk).containsOnlyKeys("kty", "kid", "use", "alg", "n", "e");
			assertThat(jwk.get("kid")).isEqualTo(keys.activeKid()).hasSize(43);
			assertThat(jwk.get("e")).isEqualTo("AQAB");
		});
	}

	@Test
	void whenAKeyIsRequiredNoneIsGenerated() {
		assertThatIllegalStateException().isThrownBy(() -> SigningKeys.from(configured(null, null, List.of(), true)))
			.withMessageContaining("passport.token.private-key");
	}

	@Test
	void aConfiguredKeySignsAndAPreviousKeyStillVerifies() {
		String previousPublic = TokenFixtures.pem("PUBLIC KEY", PREVIOUS.getPublic().getEncoded());
		SigningKeys keys = SigningKeys.from(configured("2026-11", privatePem(CURRENT),
				List.of(new TokenProperties.VerificationKey("2026-05", previousPublic)), true));
		assertThat(jwks(keys)).extracting((jwk) -> jwk.get("kid")).containsExactly("2026-11", "2026-05");
		assertThat(keys.publicKey("2026-11")).isEqualTo(CURRENT.getPublic());

		SigningKeys before = SigningKeys.from(configured("2026-05", privatePem(PREVIOUS), List.of(), true));
		Instant now = Instant.now();
		String oldToken = new TokenService(before, TokenFixtures.properties(), Clock.systemUTC()).sign(TokenType.ACCESS,
				7, "s", "j", now);
		TokenService after = new TokenService(keys, TokenFixtures.properties(), Clock.fixed(now, ZoneOffset.UTC));
		assertThat(after.verify(oldToken, TokenType.ACCESS).userId()).isEqualTo(7);
	}

	@Test
	void aPemOnOneLineWithEscapedNewlinesIsRead() {
		String oneLine = privatePem(CURRENT).replace("\n", "\\n");
		assertThat(SigningKeys.from(configured("k", oneLine, List.of(), true)).publicKey("k"))
			.isEqualTo(CURRENT.getPublic());
	}

	@Test
	void pkcs1ShortAndBrokenKeysAreRefused() throws Exception {
		assertThatIllegalStateException()
			.isThrownBy(() -> SigningKeys.from(configured(null,
					"-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----", List.of(), false)))
			.withMessageContaining("PKCS#8");
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(1024);
		assertThatIllegalStateException()
			.isThrownBy(
					() -> SigningKeys.from(configured(null, privatePem(generator.generateKeyPair()), List.of(), false)))
			.withMessageContaining("2048");
		assertThatIllegalStateException()
			.isThrownBy(() -> SigningKeys.from(configured(null, "not a key", List.of(), false)));
	}

	@Test
	void aKidUsedTwiceIsRefused() {
		String previousPublic = TokenFixtures.pem("PUBLIC KEY", PREVIOUS.getPublic().getEncoded());
		assertThatIllegalStateException()
			.isThrownBy(() -> SigningKeys.from(configured("same", privatePem(CURRENT),
					List.of(new TokenProperties.VerificationKey("same", previousPublic)), false)))
			.withMessageContaining("twice");
	}

}
