package com.contentsuite.passport.session;

import java.time.Instant;

/** A revoked session and when its last token dies. */
record RevokedSession(String sid, Instant expiresAt) {
}
