-- Account changes for user-service, written in the same transaction as the account. The row
-- id is the event's version; a row is delivered once delivered_at is set.
CREATE TABLE account_outbox (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    user_id         BIGINT       NOT NULL,
    username        VARCHAR(32)  NULL,
    mobile_masked   VARCHAR(16)  NULL,
    nickname        VARCHAR(32)  NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    attempts        INT          NOT NULL,
    next_attempt_at DATETIME(3)  NOT NULL,
    delivered_at    DATETIME(3)  NULL,
    last_error      VARCHAR(255) NULL,
    PRIMARY KEY (id),
    KEY idx_account_outbox_due (delivered_at, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
