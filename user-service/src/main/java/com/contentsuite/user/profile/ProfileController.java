package com.contentsuite.user.profile;

import jakarta.validation.Valid;

import com.contentsuite.common.identity.CurrentUser;
import com.contentsuite.common.identity.Viewer;
import com.contentsuite.common.web.ApiErrors;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.common.web.Ids;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /users/me} and {@code /users/{userID}}. */
@RestController
@RequestMapping("/users")
class ProfileController {

	private final ProfileService service;

	ProfileController(ProfileService service) {
		this.service = service;
	}

	/** 1004 until passport's account sync has delivered the profile. */
	@GetMapping("/me")
	@ApiErrors(ErrorCode.RECORD_NOT_FOUND)
	ApiResponse<OwnProfile> me(CurrentUser user) {
		return ApiResponse.ok(this.service.own(user.userId()));
	}

	@PutMapping("/me")
	@ApiErrors(ErrorCode.RECORD_NOT_FOUND)
	ApiResponse<OwnProfile> update(CurrentUser user, @Valid @RequestBody ProfileUpdate update) {
		return ApiResponse.ok(this.service.update(user.userId(), update));
	}

	@GetMapping("/{userID}")
	ApiResponse<PublicProfile> view(@PathVariable("userID") String userId, Viewer viewer) {
		return ApiResponse.ok(this.service.view(Ids.parse(userId, "userID"), viewer.userId()));
	}

}
