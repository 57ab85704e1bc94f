package com.contentsuite.passport.token;

import java.time.Duration;
import java.util.Map;

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

	private final Map<String, Object> jwkSet;

	JwksController(SigningKeys keys) {
		this.jwkSet = keys.jwkSet();
	}

	@GetMapping("/passport/jwks")
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5))).body(this.jwkSet);
	}

}
