-- One row per account, created by passport's account sync (POST /internal/users/sync).
-- username and mobile mirror passport (mobile only ever masked); account_version is the version
-- of the last applied sync event, so older or replayed events change nothing.
CREATE TABLE user_profile (
    user_id         BIGINT        NOT NULL,
    username        VARCHAR(64)   NULL,
    mobile          VARCHAR(16)   NULL,
    nickname        VARCHAR(32)   NOT NULL,
    avatar_url      VARCHAR(512)  NOT NULL DEFAULT '',
    signature       VARCHAR(256)  NOT NULL DEFAULT '',
    sex             TINYINT       NOT NULL DEFAULT 0,
    birth_date      DATE          NULL,
    verified        BOOLEAN       NOT NULL DEFAULT FALSE,
    account_version BIGINT        NOT NULL,
    create_time     DATETIME(3)   NOT NULL,
    update_time     DATETIME(3)   NOT NULL,
    PRIMARY KEY (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
