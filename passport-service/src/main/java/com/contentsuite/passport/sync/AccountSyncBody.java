package com.contentsuite.passport.sync;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of user-service's {@code POST /internal/users/sync} (docs/design.md): the
 * whole account state, so user-service can apply it as an upsert and ignore an older or
 * repeated version.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record AccountSyncBody(String userID, String username, String mobile, String nickname, long version) {
}
