-- Licentia schema, SQLite. STRICT tables reject values of the wrong type instead of storing them.
-- Instants are TEXT 'yyyy-MM-ddTHH:mm:ss.ffffffZ' (UTC, fixed width), so text order is time order.
-- seq is AUTOINCREMENT: never reused, even after the newest row is deleted, so keyset cursors stay valid.

CREATE TABLE accounts (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE access_keys (
    access_key_id    TEXT NOT NULL PRIMARY KEY,
    account_id       TEXT NOT NULL REFERENCES accounts (account_id),
    encrypted_secret BLOB NOT NULL,
    created_at       TEXT NOT NULL
) STRICT;

CREATE INDEX access_keys_by_account ON access_keys (account_id);

CREATE TABLE license_configurations (
    seq                  INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id           TEXT NOT NULL,
    region               TEXT NOT NULL,
    id                   TEXT NOT NULL,
    arn                  TEXT NOT NULL,
    counting_type        TEXT NOT NULL,
    hard_limit           INTEGER NOT NULL,
    usage_limit_exceeded INTEGER NOT NULL,
    version              INTEGER NOT NULL,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    doc                  TEXT NOT NULL,
    UNIQUE (account_id, region, id)
) STRICT;

-- Every listing is "this scope, after this seq, in seq order".
CREATE INDEX license_configurations_by_scope ON license_configurations (account_id, region, seq);

CREATE TABLE tags (
    account_id   TEXT NOT NULL,
    region       TEXT NOT NULL,
    resource_arn TEXT NOT NULL,
    tag_key      TEXT NOT NULL,
    tag_value    TEXT NOT NULL,
    PRIMARY KEY (account_id, region, resource_arn, tag_key)
) STRICT, WITHOUT ROWID;

CREATE TABLE idempotency_records (
    account_id          TEXT NOT NULL,
    region              TEXT NOT NULL,
    operation           TEXT NOT NULL,
    client_token        TEXT NOT NULL,
    request_fingerprint TEXT NOT NULL,
    response_json       TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    PRIMARY KEY (account_id, region, operation, client_token)
) STRICT;

CREATE INDEX idempotency_records_by_age ON idempotency_records (created_at);
