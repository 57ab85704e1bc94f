package com.contentsuite.user.avatar;

import com.contentsuite.common.identity.CurrentUser;
import com.contentsuite.common.web.ApiResponse;

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

	@PostMapping("/users/avatar")
	ApiResponse<AvatarUrl> upload(CurrentUser user, @RequestPart("avatar") MultipartFile avatar) {
		return ApiResponse.ok(new AvatarUrl(this.service.upload(user.userId(), avatar)));
	}

	record AvatarUrl(String avatarUrl) {
	}

}
