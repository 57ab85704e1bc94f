package com.contentsuite.passport.token;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads RSA keys from PEM text as they arrive through properties or the environment. */
final class PemKeys {

	private PemKeys() {
	}

	static RSAPrivateCrtKey privateKey(String pem) {
		if (pem.contains("BEGIN RSA PRIVATE KEY")) {
			throw new IllegalStateException("passport.token.private-key is PKCS#1; convert it to PKCS#8 with"
					+ " 'openssl pkcs8 -topk8 -nocrypt -in key.pem'");
		}
		try {
			PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
			if (key instanceof RSAPrivateCrtKey crt) {
				return crt;
			}
			throw new IllegalStateException("passport.token.private-key is not an RSA private key with CRT values");
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("passport.token.private-key is not a PKCS#8 RSA private key", ex);
		}
	}

	static RSAPublicKey publicKey(String pem, String kid) {
		try {
			PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
			return (RSAPublicKey) key;
		}
		catch (GeneralSecurityException | IllegalArgumentException | ClassCastException ex) {
			throw new IllegalStateException("passport.token.public-keys entry '" + kid + "' is not an RSA public key",
					ex);
		}
	}

	static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) {
		try {
			return (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("RSA is not available", ex);
		}
	}

	// Environment variables often carry the PEM on one line with literal "\n" escapes.
	private static byte[] der(String pem) {
		String body = pem.replace("\\n", "\n").replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
		return Base64.getDecoder().decode(body);
	}

}
