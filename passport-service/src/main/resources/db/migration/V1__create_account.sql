-- username_key is the lower-cased username under a binary collation, so uniqueness is
-- case-insensitive and nothing else (no accent folding as the *_ci collations would do).
CREATE TABLE account (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    mobile        VARCHAR(16)  NULL,
    username      VARCHAR(32)  NULL,
    username_key  VARCHAR(32)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    password_hash VARCHAR(100) NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_account_mobile (mobile),
    UNIQUE KEY uk_account_username_key (username_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
