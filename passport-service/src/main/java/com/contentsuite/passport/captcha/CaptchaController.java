package com.contentsuite.passport.captcha;

import com.contentsuite.common.operation.OperationIdOptional;
import com.contentsuite.common.web.ApiErrors;
import com.contentsuite.common.web.ErrorCode;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

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

	/**
	 * An {@code <img>} tag fetches it, so it may omit operationID; the gateway limits it
	 * per client IP (1005).
	 */
	@GetMapping("/passport/image_code")
	@OperationIdOptional
	@ApiErrors(ErrorCode.TOO_MANY_REQUESTS)
	@ApiResponse(responseCode = "200",
			description = "the captcha image itself (no envelope), always PNG, Cache-Control: no-store; "
					+ "its answer works once, for 300 s",
			content = @Content(mediaType = MediaType.IMAGE_PNG_VALUE,
					schema = @Schema(type = "string", format = "binary")))
	ResponseEntity<byte[]> imageCode(@RequestParam("cur_id") String curId,
			@RequestParam(name = "pre_id", required = false) String preId) {
		byte[] png = this.captchas.issue(curId, preId);
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
	}

}
