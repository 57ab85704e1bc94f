-- One row per post. like_count and comment_count are derived data, changed in the same
-- transaction as the rows they count, under the post's row lock. A deleted post keeps its row
-- (deleted = TRUE): its likes and comments stay for the record, and every read skips it.
CREATE TABLE moment_post (
    id            BIGINT         NOT NULL AUTO_INCREMENT,
    author_id     BIGINT         NOT NULL,
    content       VARCHAR(2000)  NOT NULL,
    -- A JSON array of at most 9 URLs of at most 512 characters each.
    images        TEXT           NOT NULL,
    -- 0 everyone, 1 the author's followers, 2 only the author.
    visibility    TINYINT        NOT NULL,
    like_count    BIGINT         NOT NULL DEFAULT 0,
    comment_count BIGINT         NOT NULL DEFAULT 0,
    deleted       BOOLEAN        NOT NULL DEFAULT FALSE,
    create_time   DATETIME(3)    NOT NULL,
    PRIMARY KEY (id),
    -- The feed and a user's posts: newest first per author, live ones only.
    KEY idx_moment_post_author (author_id, deleted, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
