package com.contentsuite.passport.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * bcrypt hashes of passwords, and an equally slow check for accounts that do not exist.
 */
@Component
public class PasswordHasher {

	private static final int BCRYPT_MAX_BYTES = 72;

	private final BCryptPasswordEncoder encoder;

	private final String dummyHash;

	PasswordHasher(PasswordProperties properties) {
		this.encoder = new BCryptPasswordEncoder(properties.bcryptCost());
		this.dummyHash = this.encoder.encode(UUID.randomUUID().toString());
	}

	public String hash(String password) {
		return this.encoder.encode(prepare(password));
	}

	public boolean matches(String password, String hash) {
		return this.encoder.matches(prepare(password), hash);
	}

	/**
	 * Spends what a real check costs, so an unknown account answers no faster than a
	 * wrong password.
	 */
	public void matchNothing(String password) {
		this.encoder.matches(prepare(password), this.dummyHash);
	}

	// bcrypt reads at most 72 bytes and 64 CJK characters take 192, so a longer password
	// is
	// first reduced to its SHA-256, which keeps every character significant.
	static String prepare(String password) {
		byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
		if (bytes.length <= BCRYPT_MAX_BYTES) {
			return password;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return "sha256:" + Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
