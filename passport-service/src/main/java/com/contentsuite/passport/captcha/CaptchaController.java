package com.contentsuite.passport.captcha;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The captcha image itself: never cached, since every fetch draws a new answer. */
@RestController
class CaptchaController {

	private final CaptchaService captchas;

	CaptchaController(CaptchaService captchas) {
		this.captchas = captchas;
	}

	@GetMapping("/passport/image_code")
	ResponseEntity<byte[]> imageCode(@RequestParam("cur_id") String curId,
			@RequestParam(name = "pre_id", required = false) String preId) {
		byte[] png = this.captchas.issue(curId, preId);
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
	}

}
