-- Hybrid activations, managed nodes (mi-...), their access keys, and their inventory (SSM-compatible).
-- Same conventions as 0001: scope columns lead every key and index, keyset paging on seq, columns for
-- what queries use and the rest of an entity as a JSON document.

-- The activation code is never stored: only its SHA-256. registrations_count only grows; a registration
-- takes a slot with one conditional UPDATE, so concurrent registrations cannot pass registration_limit.
CREATE TABLE ssm_activations (
    seq                   INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id            TEXT NOT NULL,
    region                TEXT NOT NULL,
    id                    TEXT NOT NULL,
    iam_role              TEXT NOT NULL,
    default_instance_name TEXT NOT NULL,
    registration_limit    INTEGER NOT NULL,
    registrations_count   INTEGER NOT NULL,
    expires_at            TEXT NOT NULL,
    created_at            TEXT NOT NULL,
    code_hash             BLOB NOT NULL,
    doc                   TEXT NOT NULL,
    UNIQUE (account_id, region, id)
) STRICT;

CREATE INDEX ssm_activations_by_scope ON ssm_activations (account_id, region, seq);
-- Registration finds an activation by Region and id before it knows the account.
CREATE UNIQUE INDEX ssm_activations_by_id ON ssm_activations (region, id);

CREATE TABLE ssm_managed_instances (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id    TEXT NOT NULL,
    region        TEXT NOT NULL,
    id            TEXT NOT NULL,
    activation_id TEXT NOT NULL,
    iam_role      TEXT NOT NULL,
    agent_version TEXT NOT NULL,
    platform_type TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    last_ping_at  TEXT NOT NULL,
    doc           TEXT NOT NULL,
    UNIQUE (account_id, region, id)
) STRICT;

CREATE INDEX ssm_managed_instances_by_scope ON ssm_managed_instances (account_id, region, seq);

-- A managed node's own long-term access key; the secret only encrypted (AES-GCM under the master key).
CREATE TABLE ssm_instance_keys (
    access_key_id    TEXT NOT NULL PRIMARY KEY,
    account_id       TEXT NOT NULL,
    region           TEXT NOT NULL,
    instance_id      TEXT NOT NULL,
    encrypted_secret BLOB NOT NULL,
    created_at       TEXT NOT NULL
) STRICT;

CREATE INDEX ssm_instance_keys_by_instance ON ssm_instance_keys (account_id, region, instance_id);

-- One row per node and inventory type; content_hash decides whether a put rewrites it.
CREATE TABLE ssm_inventory_items (
    account_id     TEXT NOT NULL,
    region         TEXT NOT NULL,
    instance_id    TEXT NOT NULL,
    type_name      TEXT NOT NULL,
    schema_version TEXT NOT NULL,
    capture_time   TEXT NOT NULL,
    content_hash   TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    doc            TEXT NOT NULL,
    PRIMARY KEY (account_id, region, instance_id, type_name)
) STRICT;
