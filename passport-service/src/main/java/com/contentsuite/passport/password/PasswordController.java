package com.contentsuite.passport.password;

import java.util.Map;

import com.contentsuite.common.identity.CurrentUser;
import com.contentsuite.common.web.ApiResponse;
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

	@PutMapping("/passport/password")
	ApiResponse<Map<String, Object>> change(CurrentUser user, @Valid @RequestBody ChangePasswordRequest request) {
		this.passwords.change(user.userId(), request.oldPassword(), request.newPassword());
		return ApiResponse.ok();
	}

	record ChangePasswordRequest(@NotNull @Size(max = 256) String oldPassword, @NotNull String newPassword) {
	}

}
