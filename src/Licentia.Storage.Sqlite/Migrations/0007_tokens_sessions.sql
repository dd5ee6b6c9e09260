-- Refresh tokens for customers without an account (License Manager CreateToken) and the temporary credentials
-- STS AssumeRoleWithWebIdentity issues from them. A token is stored only as a SHA-256 hash; the secret and session
-- token of a session only encrypted (AES-GCM with a key derived from the master key).

CREATE TABLE license_tokens (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id  TEXT NOT NULL,
    region      TEXT NOT NULL,
    id          TEXT NOT NULL,
    token_hash  TEXT NOT NULL,
    license_arn TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    deleted_at  TEXT,
    doc         TEXT NOT NULL,
    UNIQUE (account_id, region, id)
) STRICT;

CREATE INDEX license_tokens_by_scope ON license_tokens (account_id, region, seq);

CREATE TABLE sts_sessions (
    access_key_id           TEXT PRIMARY KEY,
    account_id              TEXT NOT NULL,
    region                  TEXT NOT NULL,
    token_id                TEXT NOT NULL,
    created_at              TEXT NOT NULL,
    expires_at              TEXT NOT NULL,
    encrypted_secret        BLOB NOT NULL,
    encrypted_session_token BLOB NOT NULL,
    doc                     TEXT NOT NULL
) STRICT;

CREATE INDEX sts_sessions_by_expiry ON sts_sessions (expires_at);
