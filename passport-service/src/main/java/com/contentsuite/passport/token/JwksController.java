package com.contentsuite.passport.token;

import java.time.Duration;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public keys as a plain RFC 7517 JWK Set (no envelope), so the gateway and standard
 * verifiers can read it.
 */
@RestController
class JwksController {

	private static final String JWKS_EXAMPLE = "{\"keys\": [{\"kty\": \"RSA\", \"kid\": \"2026-11\", "
			+ "\"use\": \"sig\", \"alg\": \"RS256\", \"n\": \"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4\", "
			+ "\"e\": \"AQAB\"}]}";

	private final Map<String, Object> jwkSet;

	JwksController(SigningKeys keys) {
		this.jwkSet = keys.jwkSet();
	}

	@GetMapping("/passport/jwks")
	@ApiResponse(responseCode = "200",
			description = "the RFC 7517 JWK Set (no envelope): the RS256 public keys that verify access tokens, "
					+ "Cache-Control: max-age=300",
			content = @Content(mediaType = "application/json",
					schema = @Schema(type = "object", requiredProperties = "keys", example = JWKS_EXAMPLE)))
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5))).body(this.jwkSet);
	}

}
