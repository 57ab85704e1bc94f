package com.contentsuite.passport.password;

import java.util.Map;

import com.contentsuite.common.identity.CurrentUser;
import com.contentsuite.common.web.ApiErrors;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.ErrorCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Password change; every session of the user ends with it. */
@RestController
class PasswordController {

	private final PasswordChangeService passwords;

	PasswordController(PasswordChangeService passwords) {
		this.passwords = passwords;
	}

	/**
	 * A wrong old password counts as a failed login (20001, then 1005 while locked); an
	 * account that no longer exists is 1004.
	 */
	@PutMapping("/passport/password")
	@ApiErrors({ ErrorCode.PASSWORD_ERROR, ErrorCode.TOO_MANY_REQUESTS, ErrorCode.RECORD_NOT_FOUND })
	ApiResponse<Map<String, Object>> change(CurrentUser user, @Valid @RequestBody ChangePasswordRequest request) {
		this.passwords.change(user.userId(), request.oldPassword(), request.newPassword());
		return ApiResponse.ok();
	}

	record ChangePasswordRequest(@NotNull @Size(max = 256) String oldPassword, @NotNull String newPassword) {
	}

}
