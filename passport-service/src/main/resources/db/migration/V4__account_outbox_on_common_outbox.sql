-- account_outbox moves onto common's outbox (docs/design.md, "Outbox"): an event is a JSON
-- payload under a topic and an aggregate key, as in every service's outbox. Waiting events
-- keep their id (their version) and are converted, not dropped. The old columns stay readable,
-- computed from the payload, for the queries operators (and the tests) run.
ALTER TABLE account_outbox
    ADD COLUMN topic         VARCHAR(64)  NOT NULL DEFAULT 'account-sync' AFTER id,
    ADD COLUMN aggregate_key VARCHAR(128) NULL AFTER topic,
    ADD COLUMN payload       TEXT         NULL AFTER aggregate_key;

UPDATE account_outbox
SET aggregate_key = CAST(user_id AS CHAR),
    payload       = JSON_OBJECT('userID', CAST(user_id AS CHAR), 'username', username,
                                'mobile', mobile_masked, 'nickname', nickname);

ALTER TABLE account_outbox
    MODIFY COLUMN topic         VARCHAR(64)  NOT NULL,
    MODIFY COLUMN aggregate_key VARCHAR(128) NOT NULL,
    MODIFY COLUMN payload       TEXT         NOT NULL,
    MODIFY COLUMN attempts      INT          NOT NULL DEFAULT 0,
    DROP COLUMN user_id,
    DROP COLUMN username,
    DROP COLUMN mobile_masked,
    DROP COLUMN nickname,
    ADD KEY idx_account_outbox_aggregate (aggregate_key, delivered_at, id);

ALTER TABLE account_outbox
    ADD COLUMN user_id       BIGINT      AS (CAST(aggregate_key AS SIGNED)) VIRTUAL,
    ADD COLUMN username      VARCHAR(32) AS (JSON_VALUE(payload, '$.username')) VIRTUAL,
    ADD COLUMN mobile_masked VARCHAR(16) AS (JSON_VALUE(payload, '$.mobile')) VIRTUAL,
    ADD COLUMN nickname      VARCHAR(32) AS (JSON_VALUE(payload, '$.nickname')) VIRTUAL;
