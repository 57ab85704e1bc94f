package com.contentsuite.common.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.contentsuite.common.deadline.RequestDeadline;
import com.contentsuite.common.identity.Caller;
import com.contentsuite.common.redis.RedisNamespace;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * Runs an {@link Idempotent} handler at most once per caller, path and key: the first
 * call claims the key, a repeat replays its stored answer (waiting a little while it
 * still runs), and the same key with another request is {@code 1003}. Only definitive
 * answers are kept: a 5xx or 429 releases the key so that the retry the client was told
 * to make can succeed.
 */
public class IdempotencyInterceptor implements HandlerInterceptor {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyInterceptor.class);

	private static final String CLAIM = IdempotencyInterceptor.class.getName() + ".claim";

	private final IdempotencyStore store;

	private final IdempotencyProperties properties;

	public IdempotencyInterceptor(StringRedisTemplate redis, RedisNamespace namespace,
			IdempotencyProperties properties) {
		this.store = new IdempotencyStore(redis, namespace);
		this.properties = properties;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		String header = request.getHeader(IdempotencyKey.HEADER);
		if (header == null || !(handler instanceof HandlerMethod method)
				|| !method.hasMethodAnnotation(Idempotent.class)) {
			return true;
		}
		String redisKey = this.store.keyOf(callerOf(request), request.getMethod(), request.getRequestURI(),
				IdempotencyKey.require(header));
		StoredAnswer claim = StoredAnswer.inFlight(fingerprint(request), UUID.randomUUID().toString());
		long waitedNanos = 0;
		while (true) {
			StoredAnswer held = this.store.claimOrGet(redisKey, claim, this.properties.inFlightTtl());
			if (held == null) {
				request.setAttribute(CLAIM, new Claim(redisKey, claim));
				return true;
			}
			if (!held.fingerprint().isEmpty() && !held.fingerprint().equals(claim.fingerprint())) {
				throw new ApiException(ErrorCode.DUPLICATE_KEY, "Idempotency-Key was used for another request");
			}
			if (!held.isInFlight()) {
				replay(response, held);
				return false;
			}
			long pause = this.properties.pollInterval().toNanos();
			if (!held.fingerprint().isEmpty() && (waitedNanos + pause > this.properties.waitForInFlight().toNanos()
					|| RequestDeadline.remainingMillis() * 1_000_000L <= pause)) {
				throw new ApiException(ErrorCode.DUPLICATE_KEY, "a request with this Idempotency-Key is in progress");
			}
			Thread.sleep(pause / 1_000_000L);
			waitedNanos += pause;
		}
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!(request.getAttribute(CLAIM) instanceof Claim claim)) {
			return;
		}
		ContentCachingResponseWrapper answer = WebUtils.getNativeResponse(response,
				ContentCachingResponseWrapper.class);
		int status = response.getStatus();
		try {
			if (ex != null || answer == null || status >= 500 || status == 429) {
				this.store.release(claim.redisKey(), claim.value());
				return;
			}
			String type = (answer.getContentType() != null) ? answer.getContentType() : "";
			this.store.complete(claim.redisKey(),
					new StoredAnswer(claim.value().fingerprint(), "", status, type, answer.getContentAsByteArray()),
					this.properties.retention());
		}
		catch (RuntimeException failure) {
			// The claim expires after its in-flight TTL; until then a repeat answers "in
			// progress", never a second execution.
			log.error("Could not record the answer of an idempotent request: {}", failure.toString());
		}
	}

	private static void replay(HttpServletResponse response, StoredAnswer held) throws IOException {
		response.setStatus(held.status());
		if (!held.contentType().isEmpty()) {
			response.setContentType(held.contentType());
		}
		response.setHeader(IdempotencyKey.REPLAYED_HEADER, "true");
		response.setContentLength(held.body().length);
		response.getOutputStream().write(held.body());
	}

	private static String callerOf(HttpServletRequest request) {
		// Anonymous routes (register) are bound to the whole body instead: a repeat must
		// bring the same password and captcha answer to be replayed.
		if (request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller && caller.userId() != null) {
			return "u" + caller.userId();
		}
		return "anonymous";
	}

	private static String fingerprint(HttpServletRequest request) throws NoSuchAlgorithmException {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		digest.update((request.getMethod() + " " + request.getRequestURI() + "?"
				+ ((request.getQueryString() != null) ? request.getQueryString() : "") + "\n")
			.getBytes(StandardCharsets.UTF_8));
		BufferedBodyRequest buffered = WebUtils.getNativeRequest(request, BufferedBodyRequest.class);
		if (buffered != null) {
			digest.update(buffered.body());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private record Claim(String redisKey, StoredAnswer value) {
	}

}
