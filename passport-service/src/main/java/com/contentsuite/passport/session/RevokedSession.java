package com.contentsuite.passport.session;

import java.time.Instant;

/** A revoked session, why, and when its last token dies. */
record RevokedSession(String sid, String reason, Instant expiresAt) {
}
