-- Follow and blacklist relations. One row per (user, target): the primary key makes following or
-- blacklisting twice one row (INSERT IGNORE). Counts (followingCount, followerCount) are derived
-- from user_follow rows; Redis only holds copies (see user-service/README.md, "Counts").
CREATE TABLE user_follow (
    user_id     BIGINT      NOT NULL COMMENT 'the follower',
    target_id   BIGINT      NOT NULL COMMENT 'the user followed',
    create_time DATETIME(3) NOT NULL,
    PRIMARY KEY (user_id, target_id),
    KEY idx_user_follow_user_time (user_id, create_time),
    KEY idx_user_follow_target_time (target_id, create_time)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE user_blacklist (
    user_id     BIGINT      NOT NULL COMMENT 'the owner of the blacklist',
    target_id   BIGINT      NOT NULL COMMENT 'the user blocked',
    create_time DATETIME(3) NOT NULL,
    PRIMARY KEY (user_id, target_id),
    KEY idx_user_blacklist_user_time (user_id, create_time),
    KEY idx_user_blacklist_target_time (target_id, create_time)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
