package com.contentsuite.moments.image;

import java.util.List;

import com.contentsuite.common.identity.CurrentUser;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.images.ImageUploads;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /chatx/moments/images}, multipart with the file part {@code image}: checked
 * and stored as avatars are (image-storage), answering the URL to put in a post's
 * {@code images}.
 */
@RestController
class ImageController {

	private final ImageUploads uploads;

	ImageController(ImageUploads uploads) {
		this.uploads = uploads;
	}

	// Every image part is taken, so that two of them are refused rather than the second
	// silently ignored.
	@PostMapping("/chatx/moments/images")
	ApiResponse<ImageUrl> upload(CurrentUser user, @RequestPart("image") List<MultipartFile> images) {
		return ApiResponse.ok(new ImageUrl(this.uploads.upload("image", user.userId(), images)));
	}

	record ImageUrl(String url) {
	}

}
