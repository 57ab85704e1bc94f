package com.contentsuite.gateway.auth;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.MalformedJwtException;
import io.jsonwebtoken.io.CodecException;
import io.jsonwebtoken.io.DeserializationException;

/** jjwt's failures as the token errors of docs/api.md section 1, all answered 401. */
final class TokenErrors {

	private TokenErrors() {
	}

	static ApiException expired() {
		return new ApiException(ErrorCode.TOKEN_EXPIRED, "token is expired");
	}

	static ApiException invalid() {
		return new ApiException(ErrorCode.TOKEN_INVALID, "token is invalid");
	}

	static ApiException malformed() {
		return new ApiException(ErrorCode.TOKEN_MALFORMED, "token is malformed");
	}

	static ApiException kicked() {
		return new ApiException(ErrorCode.TOKEN_KICKED, "token has been revoked");
	}

	/**
	 * Expired and not-a-JWT have codes of their own; everything else (signature, key,
	 * algorithm, issuer, type) is simply invalid.
	 */
	static ApiException of(RuntimeException ex) {
		if (ex instanceof ExpiredJwtException) {
			return expired();
		}
		if (ex instanceof MalformedJwtException || ex instanceof CodecException
				|| ex instanceof DeserializationException || ex instanceof IllegalArgumentException) {
			return malformed();
		}
		return invalid();
	}

}
