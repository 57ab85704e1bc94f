package com.contentsuite.passport.captcha;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The captcha image and how long its answer stays valid.
 *
 * @param ttl how long an answer waits in Redis for its one check
 * @param width image width in pixels
 * @param height image height in pixels
 * @param length number of characters
 */
@Validated
@ConfigurationProperties("passport.captcha")
record CaptchaProperties(@NotNull @DefaultValue("300s") Duration ttl, @Min(60) @Max(400) @DefaultValue("120") int width,
		@Min(20) @Max(200) @DefaultValue("40") int height, @Min(4) @Max(8) @DefaultValue("4") int length) {
}
