-- One row per article. The counters are derived data kept in the same transaction as the rows
-- they count (likes, collections, comments) or as each de-duplicated hit; engagement_version
-- grows with every counter change so that the hot list in Redis keeps only the newest score.
CREATE TABLE article (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    author_id          BIGINT        NOT NULL,
    title              VARCHAR(100)  NOT NULL,
    content            MEDIUMTEXT    NOT NULL,
    summary            VARCHAR(200)  NOT NULL,
    hits               BIGINT        NOT NULL DEFAULT 0,
    likes              BIGINT        NOT NULL DEFAULT 0,
    collects           BIGINT        NOT NULL DEFAULT 0,
    comments           BIGINT        NOT NULL DEFAULT 0,
    engagement_version BIGINT        NOT NULL DEFAULT 0,
    deleted            BOOLEAN       NOT NULL DEFAULT FALSE,
    create_time        DATETIME(3)   NOT NULL,
    update_time        DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_article_live (deleted, id),
    KEY idx_article_author (author_id, deleted, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
