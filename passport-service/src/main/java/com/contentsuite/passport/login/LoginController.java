package com.contentsuite.passport.login;

import com.contentsuite.common.web.ApiResponse;
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

	@PostMapping("/passport/login")
	ApiResponse<TokenPair> login(@Valid @RequestBody LoginRequest request) {
		return ApiResponse.ok(this.logins.login(request.account(), request.password()));
	}

	record LoginRequest(@NotBlank @Size(max = 64) String account, @NotBlank @Size(max = 256) String password) {
	}

}
