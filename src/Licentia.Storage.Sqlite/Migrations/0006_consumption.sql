-- License consumption (check-outs). A row is one active or lapsed check-out: account_id is the consumer, and
-- (license_account_id, region, license_arn) is whose license it counts against. expires_at is null for perpetual
-- check-outs; consumption counts while expires_at is null or later than now. Check-in removes the row.

CREATE TABLE license_consumptions (
    seq                INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id         TEXT NOT NULL,
    region             TEXT NOT NULL,
    token              TEXT NOT NULL,
    license_account_id TEXT NOT NULL,
    license_arn        TEXT NOT NULL,
    issued_at          TEXT NOT NULL,
    expires_at         TEXT,
    doc                TEXT NOT NULL,
    UNIQUE (account_id, region, token)
) STRICT;

CREATE INDEX license_consumptions_by_license ON license_consumptions (license_account_id, region, license_arn);
