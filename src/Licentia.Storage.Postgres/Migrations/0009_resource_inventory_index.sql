-- ListResourceInventory's filters as indexed rows, so a page is answered in SQL at a million resources.
--
-- Design: one narrow table of (resource, attribute name, value) rows instead of projection columns on
-- ec2_instances and ssm_managed_instances. Every filterable attribute is already "any of several values"
-- (applications, license-included software, tag:<key>) or single-valued (platform), and the filter semantics
-- map onto rows directly: EQUALS / BEGINS_WITH / CONTAINS are EXISTS a row whose value passes, NOT_EQUALS is
-- NOT EXISTS a row with that value. One table keeps one index pair and one maintenance path for both kinds of
-- resource, and new attributes (more tag keys, a publisher) need no schema change.
--
-- A resource is identified by kind ('e' = ec2_instances, 'm' = ssm_managed_instances) and that table's seq,
-- which is also the listing's keyset order, so the attribute rows come out of the index already in page order:
--   primary key (scope, kind, name, value, seq): a selective EQUALS drives a page (seq order within one value);
--   index (scope, kind, seq, name, value): the per-resource EXISTS probe of every other filter, and deletes.
-- resource_id and account_id are not here: they are columns of the resource tables.
-- value is COLLATE "C": comparisons are by code point, case-sensitive, exactly as on SQLite and in Core, and a
-- BEGINS_WITH prefix becomes an index range.
-- Rows exist only for resources ListResourceInventory shows (terminated instances have none). The stores keep
-- them in the same transaction as the resource's own write (launch/state change, registration, PutInventory of
-- AWS:Application or AWS:InstanceInformation, deregistration).
CREATE TABLE resource_inventory_attributes (
    account_id text NOT NULL,
    region     text NOT NULL,
    kind       text NOT NULL,
    seq        bigint NOT NULL,
    name       text COLLATE "C" NOT NULL,
    value      text COLLATE "C" NOT NULL,
    PRIMARY KEY (account_id, region, kind, name, value, seq)
);

CREATE INDEX resource_inventory_attributes_by_resource ON resource_inventory_attributes (account_id, region, kind, seq, name, value);

-- Backfill. These statements restate, once, the rules of Licentia.Core.Inventory.Resources.InventoryIndex
-- (platform, license-included software from the billing code, application names, tags) for existing rows.
INSERT INTO resource_inventory_attributes (account_id, region, kind, seq, name, value)
SELECT account_id, region, 'e', seq, 'platform', coalesce(doc->>'platformDetails', '')
FROM ec2_instances WHERE state <> 'terminated'
ON CONFLICT DO NOTHING;

INSERT INTO resource_inventory_attributes (account_id, region, kind, seq, name, value)
SELECT i.account_id, i.region, 'e', i.seq, 'license_included', l.software
FROM ec2_instances i
JOIN (VALUES
    ('RunInstances:0002', 'windows-server-datacenter'),
    ('RunInstances:0006', 'windows-server-datacenter'), ('RunInstances:0006', 'sql-server-standard'),
    ('RunInstances:0102', 'windows-server-datacenter'), ('RunInstances:0102', 'sql-server-enterprise'),
    ('RunInstances:0202', 'windows-server-datacenter'), ('RunInstances:0202', 'sql-server-web'),
    ('RunInstances:0004', 'sql-server-standard'),
    ('RunInstances:0100', 'sql-server-enterprise'),
    ('RunInstances:0200', 'sql-server-web')) AS l (usage_operation, software) ON l.usage_operation = i.doc->>'usageOperation'
WHERE i.state <> 'terminated'
ON CONFLICT DO NOTHING;

INSERT INTO resource_inventory_attributes (account_id, region, kind, seq, name, value)
SELECT account_id, region, 'm', seq, 'platform',
       CASE WHEN coalesce(doc->>'platformName', '') <> '' THEN doc->>'platformName' ELSE platform_type END
FROM ssm_managed_instances
ON CONFLICT DO NOTHING;

INSERT INTO resource_inventory_attributes (account_id, region, kind, seq, name, value)
SELECT m.account_id, m.region, 'm', m.seq, 'tag:' || (t.tag->>'key'), coalesce(t.tag->>'value', '')
FROM ssm_managed_instances m
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(m.doc->'tags') = 'array' THEN m.doc->'tags' ELSE '[]'::jsonb END) AS t (tag)
ON CONFLICT DO NOTHING;

INSERT INTO resource_inventory_attributes (account_id, region, kind, seq, name, value)
SELECT m.account_id, m.region, 'm', m.seq, 'application_name', e.entry->>'Name'
FROM ssm_managed_instances m
JOIN ssm_inventory_items a ON a.account_id = m.account_id AND a.region = m.region AND a.instance_id = m.id AND a.type_name = 'AWS:Application'
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(a.doc->'content') = 'array' THEN a.doc->'content' ELSE '[]'::jsonb END) AS e (entry)
WHERE e.entry->>'Name' IS NOT NULL
ON CONFLICT DO NOTHING;
