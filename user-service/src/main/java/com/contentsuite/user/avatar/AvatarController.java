package com.contentsuite.user.avatar;

import java.util.List;

import com.contentsuite.common.identity.CurrentUser;
import com.contentsuite.common.web.ApiErrors;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.ErrorCode;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /users/avatar}, multipart with the file part {@code avatar}. */
@RestController
class AvatarController {

	private final AvatarService service;

	AvatarController(AvatarService service) {
		this.service = service;
	}

	// Every avatar part is taken, so that two of them are refused ("avatar must be one
	// file") rather than the second silently ignored.
	@PostMapping("/users/avatar")
	@ApiErrors(ErrorCode.RECORD_NOT_FOUND)
	ApiResponse<AvatarUrl> upload(CurrentUser user, @RequestPart("avatar") List<MultipartFile> avatars) {
		return ApiResponse.ok(new AvatarUrl(this.service.upload(user.userId(), avatars)));
	}

	record AvatarUrl(String avatarUrl) {
	}

}
