-- One row per login (a token family). The refresh token in use is current_refresh_jti;
-- rotation is a conditional update on it, so a reused token finds no row to update.
CREATE TABLE login_session (
    sid                 VARCHAR(36)  NOT NULL,
    user_id             BIGINT       NOT NULL,
    current_refresh_jti VARCHAR(36)  NOT NULL,
    created_at          DATETIME(3)  NOT NULL,
    expires_at          DATETIME(3)  NOT NULL,
    revoked_at          DATETIME(3)  NULL,
    revoke_reason       VARCHAR(16)  NULL,
    PRIMARY KEY (sid),
    KEY idx_login_session_user (user_id),
    KEY idx_login_session_revoked (revoked_at, expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
