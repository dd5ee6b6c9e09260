-- License consumption (check-outs). A row is one active or lapsed check-out: account_id is the consumer, and
-- (license_account_id, region, license_arn) is whose license it counts against. expires_at is null for perpetual
-- check-outs; consumption counts while expires_at is null or later than now. Check-in removes the row.

CREATE TABLE license_consumptions (
    seq                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id         text NOT NULL,
    region             text NOT NULL,
    token              text NOT NULL,
    license_account_id text NOT NULL,
    license_arn        text NOT NULL,
    issued_at          timestamptz NOT NULL,
    expires_at         timestamptz,
    doc                jsonb NOT NULL,
    UNIQUE (account_id, region, token)
);

CREATE INDEX license_consumptions_by_license ON license_consumptions (license_account_id, region, license_arn);
