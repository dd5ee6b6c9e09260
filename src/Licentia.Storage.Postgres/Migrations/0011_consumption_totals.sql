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
--    check-outs, the only candidates for node reuse, are found by index.

CREATE TABLE license_consumption_amounts (
    consumption_seq    bigint NOT NULL REFERENCES license_consumptions (seq) ON DELETE CASCADE,
    license_account_id text NOT NULL,
    region             text NOT NULL,
    license_arn        text NOT NULL,
    name               text NOT NULL,
    license_version    bigint NOT NULL,
    lapses_at          timestamptz,
    quantity           bigint NOT NULL,
    PRIMARY KEY (consumption_seq, name)
);

CREATE INDEX license_consumption_amounts_by_license
    ON license_consumption_amounts (license_account_id, region, license_arn, name, lapses_at, license_version, quantity);

ALTER TABLE license_consumptions ADD COLUMN node_id text, ADD COLUMN beneficiary text, ADD COLUMN kind text;

CREATE INDEX license_consumptions_by_node
    ON license_consumptions (license_account_id, region, license_arn, node_id, account_id, beneficiary) WHERE node_id IS NOT NULL;

-- Backfill from the documents of existing check-outs (camelCase, as StorageJson writes them).
UPDATE license_consumptions SET node_id = doc->>'nodeId', beneficiary = doc->>'beneficiary', kind = doc->>'kind';

ALTER TABLE license_consumptions ALTER COLUMN kind SET NOT NULL;

-- LEAST ignores nulls: the earlier instant, or null when the check-out never lapses.
INSERT INTO license_consumption_amounts (consumption_seq, license_account_id, region, license_arn, name, license_version, lapses_at, quantity)
SELECT c.seq, c.license_account_id, c.region, c.license_arn, e.entry->>'name', (c.doc->>'licenseVersion')::bigint,
       LEAST(c.expires_at, c.period_ends_at), (e.entry->>'quantity')::bigint
FROM license_consumptions c
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(c.doc->'entitlements') = 'array' THEN c.doc->'entitlements' ELSE '[]'::jsonb END) AS e (entry)
WHERE (e.entry->>'quantity')::bigint > 0;
