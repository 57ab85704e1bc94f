package com.contentsuite.passport.token;

import java.time.Instant;

/** What a token with a valid signature, type and lifetime says. */
public record VerifiedToken(long userId, String sid, String jti, TokenType type, Instant expiresAt) {
}
