package com.contentsuite.user.verification;

import com.contentsuite.common.identity.CurrentUser;
import com.contentsuite.common.web.ApiErrors;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.ErrorCode;

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

	/**
	 * Set once (1003), one ID card per account (1003); 1004 for a user with no profile.
	 */
	@PostMapping
	@ApiErrors({ ErrorCode.DUPLICATE_KEY, ErrorCode.RECORD_NOT_FOUND })
	ApiResponse<Verified> verify(CurrentUser user, @RequestBody VerificationRequest request) {
		this.service.verify(user.userId(), request);
		return ApiResponse.ok(new Verified(true));
	}

	@GetMapping
	ApiResponse<VerificationView> view(CurrentUser user) {
		return ApiResponse.ok(this.service.view(user.userId()));
	}

	/** {@code {"verified": true}}: a record, so the API document names the field. */
	record Verified(boolean verified) {
	}

}
