package com.contentsuite.passport.token;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one private key that signs and every public key that verifies, by {@code kid}. Only
 * these keys are ever used: a token's own {@code jku}, {@code jwk} or {@code x5u} is
 * never read.
 */
public final class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private static final int MIN_BITS = 2048;

	private final String activeKid;

	private final PrivateKey privateKey;

	private final Map<String, RSAPublicKey> publicKeys;

	SigningKeys(String activeKid, PrivateKey privateKey, Map<String, RSAPublicKey> publicKeys) {
		this.activeKid = activeKid;
		this.privateKey = privateKey;
		this.publicKeys = Collections.unmodifiableMap(new LinkedHashMap<>(publicKeys));
	}

	/** The configured keys, or a development pair when none is configured and allowed. */
	static SigningKeys from(TokenProperties properties) {
		RSAPrivateCrtKey privateKey;
		if (properties.privateKey() == null || properties.privateKey().isBlank()) {
			if (properties.requireConfiguredKey()) {
				throw new IllegalStateException("passport.token.private-key (PASSPORT_TOKEN_PRIVATE_KEY) must hold the"
						+ " RSA signing key: this profile does not generate one");
			}
			privateKey = (RSAPrivateCrtKey) generate().getPrivate();
			log.warn("No passport.token.private-key configured: generated a DEVELOPMENT RSA key pair. Its tokens die"
					+ " with this process and no other instance accepts them; set PASSPORT_TOKEN_PRIVATE_KEY.");
		}
		else {
			privateKey = PemKeys.privateKey(properties.privateKey());
		}
		RSAPublicKey activePublic = PemKeys.publicKeyOf(privateKey);
		String kid = (properties.keyId() == null || properties.keyId().isBlank()) ? thumbprint(activePublic)
				: properties.keyId();
		Map<String, RSAPublicKey> publicKeys = new LinkedHashMap<>();
		publicKeys.put(kid, requireStrong(activePublic, kid));
		for (TokenProperties.VerificationKey extra : properties.publicKeys()) {
			if (publicKeys.putIfAbsent(extra.kid(),
					requireStrong(PemKeys.publicKey(extra.pem(), extra.kid()), extra.kid())) != null) {
				throw new IllegalStateException("passport.token key id '" + extra.kid() + "' is used twice");
			}
		}
		return new SigningKeys(kid, privateKey, publicKeys);
	}

	static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(MIN_BITS);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("RSA is not available", ex);
		}
	}

	String activeKid() {
		return this.activeKid;
	}

	PrivateKey privateKey() {
		return this.privateKey;
	}

	/**
	 * The verification key for {@code kid}, or {@code null} when it is not one of ours.
	 */
	RSAPublicKey publicKey(String kid) {
		return (kid != null) ? this.publicKeys.get(kid) : null;
	}

	/** The RFC 7517 JWK Set of the verification keys. */
	Map<String, Object> jwkSet() {
		List<Map<String, String>> keys = new ArrayList<>();
		this.publicKeys.forEach((kid, key) -> {
			Map<String, String> jwk = new LinkedHashMap<>();
			jwk.put("kty", "RSA");
			jwk.put("kid", kid);
			jwk.put("use", "sig");
			jwk.put("alg", "RS256");
			jwk.put("n", base64Url(key.getModulus()));
			jwk.put("e", base64Url(key.getPublicExponent()));
			keys.add(jwk);
		});
		return Map.of("keys", keys);
	}

	private static RSAPublicKey requireStrong(RSAPublicKey key, String kid) {
		if (key.getModulus().bitLength() < MIN_BITS) {
			throw new IllegalStateException("passport.token key '" + kid + "' is shorter than " + MIN_BITS + " bits");
		}
		return key;
	}

	/** RFC 7638 thumbprint: a kid that changes exactly when the key does. */
	static String thumbprint(RSAPublicKey key) {
		String json = "{\"e\":\"" + base64Url(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
				+ base64Url(key.getModulus()) + "\"}";
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	// Unsigned big-endian, without the sign byte BigInteger adds to a high leading bit.
	private static String base64Url(BigInteger value) {
		byte[] bytes = value.toByteArray();
		if (bytes.length > 1 && bytes[0] == 0) {
			bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
