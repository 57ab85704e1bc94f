-- One row per (article, user) who collected it: the primary key makes a second collect a no-op.
-- seq orders "articles I collected" by the most recent collect.
CREATE TABLE article_collection (
    article_id  BIGINT       NOT NULL,
    user_id     BIGINT       NOT NULL,
    seq         BIGINT       NOT NULL AUTO_INCREMENT,
    create_time DATETIME(3)  NOT NULL,
    PRIMARY KEY (article_id, user_id),
    UNIQUE KEY uk_article_collection_seq (seq),
    KEY idx_article_collection_user (user_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
