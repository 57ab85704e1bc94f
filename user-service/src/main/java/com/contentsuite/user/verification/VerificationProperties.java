package com.contentsuite.user.verification;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Keys of the real-name verification, from configuration only (never the database).
 *
 * @param keys AES-256 keys by version: base64 of 32 bytes each. Every version that
 * encrypted a stored row must stay listed; rotation adds a version and makes it active
 * @param activeKeyVersion the version new rows are encrypted with
 * @param hmacKey the HMAC-SHA256 key of the ID-number fingerprint (the uniqueness index):
 * base64 of at least 32 bytes. It cannot be rotated without recomputing every
 * fingerprint, so it has no version
 *
 * A value starting with {@code dev-only-} is a development default, not base64: its
 * SHA-256 is the key. The {@code prod} profile refuses such values.
 */
@Validated
@ConfigurationProperties("user.verification")
public record VerificationProperties(@NotEmpty Map<Integer, @NotBlank String> keys,
		@NotNull @Positive Integer activeKeyVersion, @NotBlank String hmacKey) {

	/** Marks a development default key. */
	public static final String DEV_PREFIX = "dev-only-";

	@Override
	public String toString() {
		return "VerificationProperties[keyVersions=" + ((this.keys != null) ? this.keys.keySet() : "[]")
				+ ", activeKeyVersion=" + this.activeKeyVersion + "]";
	}

}
