package com.contentsuite.user.account;

import jakarta.validation.Valid;

import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.Ids;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/users/sync}: passport's account relay delivers here until it gets
 * a 2xx, so a replay must be harmless. Sibling callers only (common's internal-auth
 * filter refuses the gateway on {@code /internal/**}).
 */
@RestController
class AccountSyncController {

	private final AccountMirror mirror;

	AccountSyncController(AccountMirror mirror) {
		this.mirror = mirror;
	}

	@PostMapping("/internal/users/sync")
	ApiResponse<SyncResult> sync(@Valid @RequestBody AccountSyncRequest request) {
		AccountEvent event = new AccountEvent(Ids.parse(request.userID(), "userID"), request.username(),
				MaskedMobile.of(request.mobile()), request.nickname(), request.version());
		return ApiResponse.ok(new SyncResult(this.mirror.apply(event)));
	}

	record SyncResult(boolean applied) {
	}

}
