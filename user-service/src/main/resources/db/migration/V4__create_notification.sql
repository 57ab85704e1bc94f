-- Notifications (docs/api.md, "Notifications"): what others did to a user. One row per natural
-- key (type, recipient, actor, target), so a repeated action or a retried delivery is the same
-- row (INSERT IGNORE). Rows are only ever inserted and flagged read: no per-recipient row is
-- locked or updated when an event arrives, and the unread count lives in Redis (UnreadCounts).
CREATE TABLE notification (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    recipient_id BIGINT       NOT NULL,
    type         VARCHAR(32)  NOT NULL,
    actor_id     BIGINT       NOT NULL,
    article_id   BIGINT       NULL,
    post_id      BIGINT       NULL,
    comment_id   BIGINT       NULL,
    excerpt      VARCHAR(50)  NOT NULL,
    natural_key  VARCHAR(190) NOT NULL,
    create_time  DATETIME(3)  NOT NULL,
    is_read      BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    UNIQUE KEY uk_notification_natural_key (natural_key),
    KEY idx_notification_recipient (recipient_id, id),
    KEY idx_notification_unread (recipient_id, is_read, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
