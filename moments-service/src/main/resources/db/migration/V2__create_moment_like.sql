-- One row per (post, user) who likes it: the primary key makes a second like a no-op. seq
-- orders the likers, the most recent first.
CREATE TABLE moment_like (
    post_id     BIGINT       NOT NULL,
    user_id     BIGINT       NOT NULL,
    seq         BIGINT       NOT NULL AUTO_INCREMENT,
    create_time DATETIME(3)  NOT NULL,
    PRIMARY KEY (post_id, user_id),
    UNIQUE KEY uk_moment_like_seq (seq),
    KEY idx_moment_like_post (post_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
