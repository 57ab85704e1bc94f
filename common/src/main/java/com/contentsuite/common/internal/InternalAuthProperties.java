package com.contentsuite.common.internal;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The secret the gateway and the services share to sign forwarded and sibling calls.
 *
 * @param secret HMAC-SHA256 key, at least 32 characters; the development default is
 * refused by the {@code prod} profile
 * @param maxSkew how old (or how far in the future) a signature may be
 * @param caller the name this process signs with ({@code gateway} or the service name)
 */
@Validated
@ConfigurationProperties("suite.internal-auth")
public record InternalAuthProperties(@NotBlank @Size(min = 32) String secret,
		@NotNull @DefaultValue("60s") Duration maxSkew, @NotBlank String caller) {

	/** Marks the development default; see {@link ProdSecretsGuard}. */
	public static final String DEV_PREFIX = "dev-only-";

}
