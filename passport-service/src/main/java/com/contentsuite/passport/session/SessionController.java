package com.contentsuite.passport.session;

import java.util.Map;

import com.contentsuite.common.identity.CurrentUser;
import com.contentsuite.common.web.ApiErrors;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.BearerToken;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.passport.token.TokenPair;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Refresh-token rotation and logout. */
@RestController
class SessionController {

	private final SessionService sessions;

	SessionController(SessionService sessions) {
		this.sessions = sessions;
	}

	/**
	 * The refresh token comes in the body, not as the route's token: its own errors, and
	 * 1506 for one already rotated (which revokes its whole login).
	 */
	@PostMapping("/passport/refresh")
	@ApiErrors({ ErrorCode.TOKEN_EXPIRED, ErrorCode.TOKEN_INVALID, ErrorCode.TOKEN_MALFORMED, ErrorCode.TOKEN_KICKED })
	ApiResponse<TokenPair> refresh(@Valid @RequestBody RefreshRequest request) {
		return ApiResponse.ok(this.sessions.refresh(request.refreshToken()));
	}

	@PostMapping("/passport/logout")
	ApiResponse<Map<String, Object>> logout(CurrentUser user, @RequestBody(required = false) LogoutRequest request,
			@RequestHeader HttpHeaders headers) {
		// Every copy, as the gateway read them, not one comma-joined value.
		String accessToken = BearerToken.required(headers);
		this.sessions.logout(user.userId(), accessToken, (request != null) ? request.refreshToken() : null);
		return ApiResponse.ok();
	}

	record RefreshRequest(@NotBlank String refreshToken) {
	}

	record LogoutRequest(String refreshToken) {
	}

}
