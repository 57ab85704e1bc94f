package com.contentsuite.passport.register;

import com.contentsuite.common.idempotency.Idempotent;
import com.contentsuite.common.web.ApiErrors;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.passport.account.AccountRules;
import com.contentsuite.passport.account.AccountService;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Registration and the mobile availability check that precedes it. */
@RestController
class RegisterController {

	private final RegistrationService registrations;

	private final AccountService accounts;

	RegisterController(RegistrationService registrations, AccountService accounts) {
		this.registrations = registrations;
		this.accounts = accounts;
	}

	/** Limited per client IP at the gateway (1005). */
	@PostMapping("/passport/check_mobile")
	@ApiErrors(ErrorCode.TOO_MANY_REQUESTS)
	ApiResponse<MobileAvailability> checkMobile(@Valid @RequestBody CheckMobileRequest request) {
		AccountRules.requireMobile(request.mobile());
		return ApiResponse.ok(new MobileAvailability(request.mobile(), !this.accounts.isMobileTaken(request.mobile())));
	}

	/**
	 * A client that saw a timeout retries with the same Idempotency-Key and its userID.
	 */
	@PostMapping("/passport/register")
	@Idempotent
	@ApiErrors({ ErrorCode.VERIFY_CODE_NOT_MATCH, ErrorCode.VERIFY_CODE_EXPIRED, ErrorCode.PHONE_ALREADY_REGISTER,
			ErrorCode.ACCOUNT_ALREADY_REGISTER, ErrorCode.TOO_MANY_REQUESTS })
	ApiResponse<Registered> register(@Valid @RequestBody RegisterRequest request) {
		long userId = this.registrations.register(request);
		return ApiResponse.ok(new Registered(Long.toString(userId)));
	}

	record CheckMobileRequest(@NotNull String mobile) {
	}

	record MobileAvailability(String mobile, boolean available) {
	}

	/** Server-owned fields a client adds (userID, ...) are not components, so ignored. */
	record RegisterRequest(String mobile, String username, @NotNull String password,
			@JsonProperty("img_code_id") String imgCodeId, @JsonProperty("img_code") String imgCode) {
	}

	record Registered(String userID) {
	}

}
