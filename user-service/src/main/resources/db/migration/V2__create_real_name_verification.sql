-- Real-name verification: one row per verified user, set once (POST /users/auth).
-- Name and ID number are stored only encrypted: base64(iv || AES-256-GCM ciphertext || tag) with
-- the userID as associated data, both under the key of version key_version (the keys live in
-- configuration, never here). id_card_hmac is the hex HMAC-SHA256 of the normalised number under
-- a separate key; its UNIQUE index keeps one card from verifying two accounts, also under a race.
CREATE TABLE real_name_verification (
    user_id              BIGINT        NOT NULL,
    real_name_ciphertext VARCHAR(256)  NOT NULL,
    id_card_ciphertext   VARCHAR(128)  NOT NULL,
    key_version          INT           NOT NULL,
    id_card_hmac         CHAR(64)      NOT NULL,
    submit_time          DATETIME(3)   NOT NULL,
    PRIMARY KEY (user_id),
    UNIQUE KEY uk_real_name_verification_id_card_hmac (id_card_hmac)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;
