-- Licentia schema, PostgreSQL. Instants are timestamptz (UTC, microseconds).
-- seq is an identity column: it never goes back, so keyset cursors stay valid after deletes.

CREATE TABLE accounts (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id text NOT NULL UNIQUE,
    name       text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL
);

CREATE TABLE access_keys (
    access_key_id    text PRIMARY KEY,
    account_id       text NOT NULL REFERENCES accounts (account_id),
    encrypted_secret bytea NOT NULL,
    created_at       timestamptz NOT NULL
);

CREATE INDEX access_keys_by_account ON access_keys (account_id);

CREATE TABLE license_configurations (
    seq                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id           text NOT NULL,
    region               text NOT NULL,
    id                   text NOT NULL,
    arn                  text NOT NULL,
    counting_type        text NOT NULL,
    hard_limit           boolean NOT NULL,
    usage_limit_exceeded boolean NOT NULL,
    version              bigint NOT NULL,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    doc                  jsonb NOT NULL,
    UNIQUE (account_id, region, id)
);

-- Every listing is "this scope, after this seq, in seq order".
CREATE INDEX license_configurations_by_scope ON license_configurations (account_id, region, seq);

-- tag_key sorts bytewise (COLLATE "C") so tags come back in the same order as on SQLite,
-- whatever the database's locale.
CREATE TABLE tags (
    account_id   text NOT NULL,
    region       text NOT NULL,
    resource_arn text NOT NULL,
    tag_key      text COLLATE "C" NOT NULL,
    tag_value    text NOT NULL,
    PRIMARY KEY (account_id, region, resource_arn, tag_key)
);

-- response_json is text, not jsonb: a replayed response must be byte-for-byte the original.
CREATE TABLE idempotency_records (
    account_id          text NOT NULL,
    region              text NOT NULL,
    operation           text NOT NULL,
    client_token        text NOT NULL,
    request_fingerprint text NOT NULL,
    response_json       text NOT NULL,
    created_at          timestamptz NOT NULL,
    PRIMARY KEY (account_id, region, operation, client_token)
);

CREATE INDEX idempotency_records_by_age ON idempotency_records (created_at);
