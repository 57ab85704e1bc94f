-- Comments of a post, flat (WeChat style): a comment may name the user it replies to. A
-- deleted comment keeps its row (deleted = TRUE) and disappears from every answer.
CREATE TABLE moment_comment (
    id          BIGINT         NOT NULL AUTO_INCREMENT,
    post_id     BIGINT         NOT NULL,
    author_id   BIGINT         NOT NULL,
    reply_to_id BIGINT         NULL,
    content     VARCHAR(2000)  NOT NULL,
    deleted     BOOLEAN        NOT NULL DEFAULT FALSE,
    create_time DATETIME(3)    NOT NULL,
    PRIMARY KEY (id),
    -- The newest comments of a page of posts.
    KEY idx_moment_comment_post (post_id, deleted, id),
    -- "Has this user commented on the post?" (replyToUserID).
    KEY idx_moment_comment_author (post_id, author_id, deleted)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
