-- Seller-issued licenses and their grants. Same conventions as 0001: scope columns lead every key and index,
-- keyset paging on seq, columns for what queries filter on and the rest (all versions) as a JSON document.
-- A license lives in its issuer's account and its home Region; its ARN has no Region, so (region, arn) is unique
-- too and is how grants refer to it. Deleted licenses keep their row: deletion_date says when they are gone.

CREATE TABLE licenses (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id    TEXT NOT NULL,
    region        TEXT NOT NULL,
    id            TEXT NOT NULL,
    arn           TEXT NOT NULL,
    version       INTEGER NOT NULL,
    beneficiary   TEXT NOT NULL,
    product_sku   TEXT NOT NULL,
    issuer_name   TEXT NOT NULL,
    fingerprint   TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    deleted_at    TEXT,
    deletion_date TEXT,
    doc           TEXT NOT NULL,
    UNIQUE (account_id, region, id),
    UNIQUE (region, arn)
) STRICT;

CREATE INDEX licenses_by_scope ON licenses (account_id, region, seq);

-- account_id is the grantor; grantee_account_id is null for an organization principal (resolved later).
CREATE TABLE grants (
    seq                INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id         TEXT NOT NULL,
    region             TEXT NOT NULL,
    id                 TEXT NOT NULL,
    arn                TEXT NOT NULL,
    license_arn        TEXT NOT NULL,
    parent_arn         TEXT NOT NULL,
    grantee_principal  TEXT NOT NULL,
    grantee_account_id TEXT,
    status             TEXT NOT NULL,
    version            INTEGER NOT NULL,
    created_at         TEXT NOT NULL,
    doc                TEXT NOT NULL,
    UNIQUE (account_id, region, id)
) STRICT;

CREATE INDEX grants_by_grantor ON grants (account_id, region, seq);
CREATE INDEX grants_by_grantee ON grants (grantee_account_id, region, seq);
CREATE INDEX grants_by_license ON grants (region, license_arn, status);
