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
-- Rows exist only for resources ListResourceInventory shows (terminated instances have none). The stores keep
-- them in the same transaction as the resource's own write (launch/state change, registration, PutInventory of
-- AWS:Application or AWS:InstanceInformation, deregistration).
CREATE TABLE resource_inventory_attributes (
    account_id TEXT NOT NULL,
    region     TEXT NOT NULL,
    kind       TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    name       TEXT NOT NULL,
    value      TEXT NOT NULL,
    PRIMARY KEY (account_id, region, kind, name, value, seq)
) STRICT, WITHOUT ROWID;

CREATE INDEX resource_inventory_attributes_by_resource ON resource_inventory_attributes (account_id, region, kind, seq, name, value);

-- Backfill. These statements restate, once, the rules of Licentia.Core.Inventory.Resources.InventoryIndex
-- (platform, license-included software from the billing code, application names, tags) for existing rows.
INSERT OR IGNORE INTO resource_inventory_attributes (account_id, region, kind, seq, name, value)
SELECT account_id, region, 'e', seq, 'platform', coalesce(json_extract(doc, '$.platformDetails'), '')
FROM ec2_instances WHERE state <> 'terminated';

INSERT OR IGNORE INTO resource_inventory_attributes (account_id, region, kind, seq, name, value)
SELECT i.account_id, i.region, 'e', i.seq, 'license_included', l.column2
FROM ec2_instances i
JOIN (VALUES
    ('RunInstances:0002', 'windows-server-datacenter'),
    ('RunInstances:0006', 'windows-server-datacenter'), ('RunInstances:0006', 'sql-server-standard'),
    ('RunInstances:0102', 'windows-server-datacenter'), ('RunInstances:0102', 'sql-server-enterprise'),
    ('RunInstances:0202', 'windows-server-datacenter'), ('RunInstances:0202', 'sql-server-web'),
    ('RunInstances:0004', 'sql-server-standard'),
    ('RunInstances:0100', 'sql-server-enterprise'),
    ('RunInstances:0200', 'sql-server-web')) l ON l.column1 = json_extract(i.doc, '$.usageOperation')
WHERE i.state <> 'terminated';

INSERT OR IGNORE INTO resource_inventory_attributes (account_id, region, kind, seq, name, value)
SELECT account_id, region, 'm', seq, 'platform',
       CASE WHEN coalesce(json_extract(doc, '$.platformName'), '') <> '' THEN json_extract(doc, '$.platformName') ELSE platform_type END
FROM ssm_managed_instances;

INSERT OR IGNORE INTO resource_inventory_attributes (account_id, region, kind, seq, name, value)
SELECT m.account_id, m.region, 'm', m.seq, 'tag:' || json_extract(t.value, '$.key'), coalesce(json_extract(t.value, '$.value'), '')
FROM ssm_managed_instances m, json_each(m.doc, '$.tags') t;

INSERT OR IGNORE INTO resource_inventory_attributes (account_id, region, kind, seq, name, value)
SELECT m.account_id, m.region, 'm', m.seq, 'application_name', json_extract(e.value, '$.Name')
FROM ssm_managed_instances m
JOIN ssm_inventory_items a ON a.account_id = m.account_id AND a.region = m.region AND a.instance_id = m.id AND a.type_name = 'AWS:Application',
     json_each(a.doc, '$.content') e
WHERE json_extract(e.value, '$.Name') IS NOT NULL;
