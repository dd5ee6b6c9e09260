-- A check-out reads only what its decision needs, not every active check-out of the license (docs/benchmarks.md,
-- "Check-out with signed tokens": the per-check-out cost grew with every provisional check-out still alive).
--
-- 1. license_consumption_amounts: one row per (check-out, limited entitlement) it took a quantity of, so the totals in
--    use are summed in SQL over an index instead of deserializing documents. The row repeats what the sum filters on:
--    the license, the entitlement name, the license version (ResetUsage) and lapses_at, the earlier of the check-out's
--    expires_at and period_ends_at (null: it never lapses). Indexing lapses_at lets the sum skip lapsed rows, which
--    outnumber active ones until housekeeping purges them a week later. Unlimited entitlements take 0 and have no row.
--    The rows are written with their check-out, deleted with it by the foreign key's cascade (check-in, housekeeping,
--    any other delete), and their lapses_at moves with the check-out's expiry (renewal by its node, extension).
-- 2. node_id, beneficiary and kind as columns of license_consumptions (they were only in the document), so a node's
--    check-outs, the only candidates for node reuse, are found by index. SQLite cannot add a NOT NULL column without a
--    default; every check-out writes kind.

CREATE TABLE license_consumption_amounts (
    consumption_seq    INTEGER NOT NULL REFERENCES license_consumptions (seq) ON DELETE CASCADE,
    license_account_id TEXT NOT NULL,
    region             TEXT NOT NULL,
    license_arn        TEXT NOT NULL,
    name               TEXT NOT NULL,
    license_version    INTEGER NOT NULL,
    lapses_at          TEXT,
    quantity           INTEGER NOT NULL,
    PRIMARY KEY (consumption_seq, name)
) STRICT, WITHOUT ROWID;

CREATE INDEX license_consumption_amounts_by_license
    ON license_consumption_amounts (license_account_id, region, license_arn, name, lapses_at, license_version, quantity);

ALTER TABLE license_consumptions ADD COLUMN node_id TEXT;
ALTER TABLE license_consumptions ADD COLUMN beneficiary TEXT;
ALTER TABLE license_consumptions ADD COLUMN kind TEXT;

CREATE INDEX license_consumptions_by_node
    ON license_consumptions (license_account_id, region, license_arn, node_id, account_id, beneficiary) WHERE node_id IS NOT NULL;

-- Backfill from the documents of existing check-outs (camelCase, as StorageJson writes them).
UPDATE license_consumptions
SET node_id = json_extract(doc, '$.nodeId'), beneficiary = json_extract(doc, '$.beneficiary'), kind = json_extract(doc, '$.kind');

INSERT INTO license_consumption_amounts (consumption_seq, license_account_id, region, license_arn, name, license_version, lapses_at, quantity)
SELECT c.seq, c.license_account_id, c.region, c.license_arn, json_extract(e.value, '$.name'), json_extract(c.doc, '$.licenseVersion'),
       CASE WHEN c.expires_at IS NULL THEN c.period_ends_at
            WHEN c.period_ends_at IS NULL OR c.expires_at < c.period_ends_at THEN c.expires_at
            ELSE c.period_ends_at END,
       json_extract(e.value, '$.quantity')
FROM license_consumptions c, json_each(c.doc, '$.entitlements') e
WHERE json_extract(e.value, '$.quantity') > 0;
