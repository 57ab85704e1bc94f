package com.contentsuite.passport.account;

import com.contentsuite.common.identity.CurrentUser;
import com.contentsuite.common.web.ApiErrors;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.ErrorCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Username change; user-service follows through the outbox. */
@RestController
class UsernameController {

	private final AccountService accounts;

	UsernameController(AccountService accounts) {
		this.accounts = accounts;
	}

	/** 20004 when taken in any case; 1004 for an account that no longer exists. */
	@PutMapping("/passport/username")
	@ApiErrors({ ErrorCode.ACCOUNT_ALREADY_REGISTER, ErrorCode.RECORD_NOT_FOUND })
	ApiResponse<UsernameBody> change(CurrentUser user, @Valid @RequestBody UsernameBody body) {
		AccountRules.requireUsername(body.username());
		return ApiResponse.ok(new UsernameBody(this.accounts.rename(user.userId(), body.username())));
	}

	record UsernameBody(@NotNull String username) {
	}

}
