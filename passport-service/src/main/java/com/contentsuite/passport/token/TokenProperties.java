package com.contentsuite.passport.token;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token lifetimes and signing keys.
 *
 * @param issuer the {@code iss} claim
 * @param accessTtl lifetime of an access token
 * @param refreshTtl lifetime of a refresh token, and of a session after its last refresh
 * @param keyId the {@code kid} of the active key; blank: its RFC 7638 thumbprint
 * @param privateKey the active RSA private key, PKCS#8 PEM
 * ({@code PASSPORT_TOKEN_PRIVATE_KEY}); blank: a development key pair is generated at
 * start
 * @param publicKeys further public keys that still verify (rotation: the previous key)
 * @param requireConfiguredKey refuse to start without {@code privateKey} (the prod
 * profile)
 */
@Validated
@ConfigurationProperties("passport.token")
public record TokenProperties(@NotBlank @DefaultValue("content-suite") String issuer,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("30m") Duration accessTtl,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("14d") Duration refreshTtl, String keyId, String privateKey,
		@Valid @DefaultValue List<VerificationKey> publicKeys, @DefaultValue("false") boolean requireConfiguredKey) {

	/** A public key accepted for verification only, as X.509 SubjectPublicKeyInfo PEM. */
	public record VerificationKey(@NotBlank String kid, @NotBlank String pem) {
	}

}
