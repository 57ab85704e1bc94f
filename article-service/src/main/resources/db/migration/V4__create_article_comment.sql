-- Comment trees. root_id is the top-level comment a reply belongs to (0 on a top-level comment)
-- so that a page's whole subtrees load in one query; depth is 1 for a top-level comment, at most 8.
-- deleted: removed by its author or the article's author; shown: still part of the tree (a deleted
-- comment stays shown, content blanked, while a reply below it is shown).
CREATE TABLE article_comment (
    id          BIGINT         NOT NULL AUTO_INCREMENT,
    article_id  BIGINT         NOT NULL,
    root_id     BIGINT         NOT NULL,
    parent_id   BIGINT         NOT NULL,
    depth       INT            NOT NULL,
    author_id   BIGINT         NOT NULL,
    content     VARCHAR(2000)  NOT NULL,
    deleted     BOOLEAN        NOT NULL DEFAULT FALSE,
    shown       BOOLEAN        NOT NULL DEFAULT TRUE,
    create_time DATETIME(3)    NOT NULL,
    PRIMARY KEY (id),
    KEY idx_comment_top (article_id, parent_id, shown, id),
    KEY idx_comment_root (root_id, shown, id),
    KEY idx_comment_parent (parent_id, shown)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
