package com.contentsuite.passport.captcha;

import java.util.Locale;
import java.util.regex.Pattern;

import cn.hutool.captcha.CaptchaUtil;
import cn.hutool.captcha.LineCaptcha;
import cn.hutool.captcha.generator.RandomGenerator;
import com.contentsuite.common.redis.RedisNamespace;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * Draws captchas and checks their answers. An answer lives in Redis (so any instance can
 * check it) and is taken out by the first check, right or wrong, so it cannot be guessed
 * twice.
 */
@Service
public class CaptchaService {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{8,64}");

	// No 0/o, 1/l/i, 2/z, 9/g: characters people confuse in a distorted image.
	private static final String ALPHABET = "abcdefhjkmnpqrstuvwxy345678";

	private final StringRedisTemplate redis;

	private final RedisNamespace namespace;

	private final CaptchaProperties properties;

	CaptchaService(StringRedisTemplate redis, RedisNamespace namespace, CaptchaProperties properties) {
		this.redis = redis;
		this.namespace = namespace;
		this.properties = properties;
	}

	/** Draws a new captcha for {@code curId} and forgets the one of {@code preId}. */
	byte[] issue(String curId, String preId) {
		requireId(curId, "cur_id");
		if (preId != null && !preId.isEmpty()) {
			requireId(preId, "pre_id");
			this.redis.delete(key(preId));
		}
		LineCaptcha captcha = CaptchaUtil.createLineCaptcha(this.properties.width(), this.properties.height(),
				this.properties.length(), 20);
		captcha.setGenerator(new RandomGenerator(ALPHABET, this.properties.length()));
		captcha.createCode();
		this.redis.opsForValue().set(key(curId), captcha.getCode().toLowerCase(Locale.ROOT), this.properties.ttl());
		return captcha.getImageBytes();
	}

	/**
	 * Checks an answer case-insensitively; the stored answer is gone afterwards either
	 * way.
	 */
	public void check(String id, String answer) {
		requireId(id, "img_code_id");
		if (answer == null || answer.isBlank()) {
			throw ApiException.args("img_code is required");
		}
		String expected = this.redis.opsForValue().getAndDelete(key(id));
		if (expected == null) {
			throw new ApiException(ErrorCode.VERIFY_CODE_EXPIRED, "captcha expired or already used");
		}
		if (!expected.equals(answer.trim().toLowerCase(Locale.ROOT))) {
			throw new ApiException(ErrorCode.VERIFY_CODE_NOT_MATCH, "captcha answer is wrong");
		}
	}

	/**
	 * Puts back a correctly answered captcha whose registration then failed because a
	 * dependency was unavailable, so the client's retry (with its Idempotency-Key) can
	 * succeed; only one who just solved it can use it again.
	 */
	public void giveBack(String id, String answer) {
		try {
			this.redis.opsForValue()
				.setIfAbsent(key(id), answer.trim().toLowerCase(Locale.ROOT), this.properties.ttl());
		}
		catch (RuntimeException ex) {
			// Redis is what failed: the client gets a new captcha, nothing else is lost.
		}
	}

	private static void requireId(String id, String field) {
		if (id == null || id.isEmpty()) {
			throw ApiException.args(field + " is required");
		}
		if (!ID.matcher(id).matches()) {
			throw ApiException.args(field + " must be 8-64 of letters, digits or '-'");
		}
	}

	private String key(String id) {
		return this.namespace.key("passport:captcha:" + id);
	}

}
