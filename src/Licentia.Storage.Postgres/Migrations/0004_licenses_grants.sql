-- Seller-issued licenses and their grants. Same conventions as 0001: scope columns lead every key and index,
-- keyset paging on seq, columns for what queries filter on and the rest (all versions) as a JSON document.
-- A license lives in its issuer's account and its home Region; its ARN has no Region, so (region, arn) is unique
-- too and is how grants refer to it. Deleted licenses keep their row: deletion_date says when they are gone.

CREATE TABLE licenses (
    seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    text NOT NULL,
    region        text NOT NULL,
    id            text NOT NULL,
    arn           text NOT NULL,
    version       bigint NOT NULL,
    beneficiary   text NOT NULL,
    product_sku   text NOT NULL,
    issuer_name   text NOT NULL,
    fingerprint   text NOT NULL,
    created_at    timestamptz NOT NULL,
    deleted_at    timestamptz,
    deletion_date timestamptz,
    doc           jsonb NOT NULL,
    UNIQUE (account_id, region, id),
    UNIQUE (region, arn)
);

CREATE INDEX licenses_by_scope ON licenses (account_id, region, seq);

-- account_id is the grantor; grantee_account_id is null for an organization principal (resolved later).
CREATE TABLE grants (
    seq                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id         text NOT NULL,
    region             text NOT NULL,
    id                 text NOT NULL,
    arn                text NOT NULL,
    license_arn        text NOT NULL,
    parent_arn         text NOT NULL,
    grantee_principal  text NOT NULL,
    grantee_account_id text,
    status             text NOT NULL,
    version            bigint NOT NULL,
    created_at         timestamptz NOT NULL,
    doc                jsonb NOT NULL,
    UNIQUE (account_id, region, id)
);

CREATE INDEX grants_by_grantor ON grants (account_id, region, seq);
CREATE INDEX grants_by_grantee ON grants (grantee_account_id, region, seq);
CREATE INDEX grants_by_license ON grants (region, license_arn, status);
