-- Refresh tokens for customers without an account (License Manager CreateToken) and the temporary credentials
-- STS AssumeRoleWithWebIdentity issues from them. A token is stored only as a SHA-256 hash; the secret and session
-- token of a session only encrypted (AES-GCM with a key derived from the master key).

CREATE TABLE license_tokens (
    seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  text NOT NULL,
    region      text NOT NULL,
    id          text NOT NULL,
    token_hash  text NOT NULL,
    license_arn text NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    deleted_at  timestamptz,
    doc         jsonb NOT NULL,
    UNIQUE (account_id, region, id)
);

CREATE INDEX license_tokens_by_scope ON license_tokens (account_id, region, seq);

CREATE TABLE sts_sessions (
    access_key_id           text PRIMARY KEY,
    account_id              text NOT NULL,
    region                  text NOT NULL,
    token_id                text NOT NULL,
    created_at              timestamptz NOT NULL,
    expires_at              timestamptz NOT NULL,
    encrypted_secret        bytea NOT NULL,
    encrypted_session_token bytea NOT NULL,
    doc                     jsonb NOT NULL
);

CREATE INDEX sts_sessions_by_expiry ON sts_sessions (expires_at);
