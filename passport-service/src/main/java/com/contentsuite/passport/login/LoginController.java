package com.contentsuite.passport.login;

import com.contentsuite.common.web.ApiErrors;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.passport.token.TokenPair;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LoginController {

	private final LoginService logins;

	LoginController(LoginService logins) {
		this.logins = logins;
	}

	/** 1005: the account's lockout, or the gateway's limit per client IP. */
	@PostMapping("/passport/login")
	@ApiErrors({ ErrorCode.PASSWORD_ERROR, ErrorCode.TOO_MANY_REQUESTS })
	ApiResponse<TokenPair> login(@Valid @RequestBody LoginRequest request) {
		return ApiResponse.ok(this.logins.login(request.account(), request.password()));
	}

	record LoginRequest(@NotBlank @Size(max = 64) String account, @NotBlank @Size(max = 256) String password) {
	}

}
