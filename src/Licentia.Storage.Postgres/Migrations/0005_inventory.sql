-- Hybrid activations, managed nodes (mi-...), their access keys, and their inventory (SSM-compatible).
-- Same conventions as 0001: scope columns lead every key and index, keyset paging on seq, columns for
-- what queries use and the rest of an entity as a JSON document.

-- The activation code is never stored: only its SHA-256. registrations_count only grows; a registration
-- takes a slot with one conditional UPDATE, so concurrent registrations cannot pass registration_limit.
CREATE TABLE ssm_activations (
    seq                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id            text NOT NULL,
    region                text NOT NULL,
    id                    text NOT NULL,
    iam_role              text NOT NULL,
    default_instance_name text NOT NULL,
    registration_limit    integer NOT NULL,
    registrations_count   integer NOT NULL,
    expires_at            timestamptz NOT NULL,
    created_at            timestamptz NOT NULL,
    code_hash             bytea NOT NULL,
    doc                   jsonb NOT NULL,
    UNIQUE (account_id, region, id)
);

CREATE INDEX ssm_activations_by_scope ON ssm_activations (account_id, region, seq);
-- Registration finds an activation by Region and id before it knows the account.
CREATE UNIQUE INDEX ssm_activations_by_id ON ssm_activations (region, id);

CREATE TABLE ssm_managed_instances (
    seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    text NOT NULL,
    region        text NOT NULL,
    id            text NOT NULL,
    activation_id text NOT NULL,
    iam_role      text NOT NULL,
    agent_version text NOT NULL,
    platform_type text NOT NULL,
    registered_at timestamptz NOT NULL,
    last_ping_at  timestamptz NOT NULL,
    doc           jsonb NOT NULL,
    UNIQUE (account_id, region, id)
);

CREATE INDEX ssm_managed_instances_by_scope ON ssm_managed_instances (account_id, region, seq);

-- A managed node's own long-term access key; the secret only encrypted (AES-GCM under the master key).
CREATE TABLE ssm_instance_keys (
    access_key_id    text NOT NULL PRIMARY KEY,
    account_id       text NOT NULL,
    region           text NOT NULL,
    instance_id      text NOT NULL,
    encrypted_secret bytea NOT NULL,
    created_at       timestamptz NOT NULL
);

CREATE INDEX ssm_instance_keys_by_instance ON ssm_instance_keys (account_id, region, instance_id);

-- One row per node and inventory type; content_hash decides whether a put rewrites it.
CREATE TABLE ssm_inventory_items (
    account_id     text NOT NULL,
    region         text NOT NULL,
    instance_id    text NOT NULL,
    type_name      text NOT NULL,
    schema_version text NOT NULL,
    capture_time   text NOT NULL,
    content_hash   text NOT NULL,
    updated_at     timestamptz NOT NULL,
    doc            jsonb NOT NULL,
    PRIMARY KEY (account_id, region, instance_id, type_name)
);
