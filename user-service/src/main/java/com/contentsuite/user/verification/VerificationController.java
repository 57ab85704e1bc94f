package com.contentsuite.user.verification;

import java.util.Map;

import com.contentsuite.common.identity.CurrentUser;
import com.contentsuite.common.web.ApiResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /users/auth}: the signed-in user's real-name verification. */
@RestController
@RequestMapping("/users/auth")
class VerificationController {

	private final VerificationService service;

	VerificationController(VerificationService service) {
		this.service = service;
	}

	@PostMapping
	ApiResponse<Map<String, Boolean>> verify(CurrentUser user, @RequestBody VerificationRequest request) {
		this.service.verify(user.userId(), request);
		return ApiResponse.ok(Map.of("verified", true));
	}

	@GetMapping
	ApiResponse<VerificationView> view(CurrentUser user) {
		return ApiResponse.ok(this.service.view(user.userId()));
	}

}
