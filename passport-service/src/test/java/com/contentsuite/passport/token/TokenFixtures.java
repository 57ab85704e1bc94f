package com.contentsuite.passport.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

/**
 * Hand-made tokens, for the shapes an attacker would send rather than the ones jjwt
 * builds.
 */
final class TokenFixtures {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private TokenFixtures() {
	}

	static TokenProperties properties() {
		return new TokenProperties("content-suite", Duration.ofMinutes(30), Duration.ofDays(14), null, null, List.of(),
				false);
	}

	static String signingInput(Map<String, Object> header, Map<String, Object> claims) {
		return B64.encodeToString(JSON.writeValueAsBytes(header)) + "."
				+ B64.encodeToString(JSON.writeValueAsBytes(claims));
	}

	static String unsigned(Map<String, Object> header, Map<String, Object> claims) {
		return signingInput(header, claims) + ".";
	}

	static String rs256(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
		String input = signingInput(header, claims);
		try {
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initSign(key);
			signature.update(input.getBytes(StandardCharsets.US_ASCII));
			return input + "." + B64.encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String hs256(Map<String, Object> header, Map<String, Object> claims, byte[] secret) {
		String input = signingInput(header, claims);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

}
