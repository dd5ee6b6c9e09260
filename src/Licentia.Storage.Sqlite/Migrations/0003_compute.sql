-- EC2 resources and licensing: associations, usage, failure records. Same conventions as 0001:
-- scope columns lead every key and index, keyset paging on seq, columns for what queries use and
-- the rest of an entity as a JSON document.

-- AMIs are unique per Region (another account may launch a shared one); account_id is the owner.
CREATE TABLE ec2_images (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id       TEXT NOT NULL,
    region           TEXT NOT NULL,
    id               TEXT NOT NULL,
    name             TEXT NOT NULL,
    state            TEXT NOT NULL,
    is_public        INTEGER NOT NULL,
    platform_details TEXT NOT NULL,
    usage_operation  TEXT NOT NULL,
    version          INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    doc              TEXT NOT NULL,
    UNIQUE (region, id)
) STRICT;

CREATE INDEX ec2_images_by_owner ON ec2_images (account_id, region, seq);
CREATE INDEX ec2_images_by_name ON ec2_images (account_id, region, name);

-- Launch permissions: the accounts an image is shared with.
CREATE TABLE ec2_image_launch_permissions (
    region     TEXT NOT NULL,
    image_id   TEXT NOT NULL,
    account_id TEXT NOT NULL,
    PRIMARY KEY (region, image_id, account_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX ec2_image_launch_permissions_by_account ON ec2_image_launch_permissions (account_id, region, image_id);

CREATE TABLE ec2_instances (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id    TEXT NOT NULL,
    region        TEXT NOT NULL,
    id            TEXT NOT NULL,
    state         TEXT NOT NULL,
    instance_type TEXT NOT NULL,
    image_id      TEXT NOT NULL,
    host_id       TEXT,
    tenancy       TEXT NOT NULL,
    version       INTEGER NOT NULL,
    launch_time   TEXT NOT NULL,
    doc           TEXT NOT NULL,
    UNIQUE (account_id, region, id)
) STRICT;

CREATE INDEX ec2_instances_by_scope ON ec2_instances (account_id, region, seq);
CREATE INDEX ec2_instances_by_host ON ec2_instances (account_id, region, host_id);

CREATE TABLE ec2_hosts (
    seq               INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id        TEXT NOT NULL,
    region            TEXT NOT NULL,
    id                TEXT NOT NULL,
    state             TEXT NOT NULL,
    instance_family   TEXT NOT NULL,
    instance_type     TEXT,
    availability_zone TEXT NOT NULL,
    auto_placement    INTEGER NOT NULL,
    version           INTEGER NOT NULL,
    allocation_time   TEXT NOT NULL,
    doc               TEXT NOT NULL,
    UNIQUE (account_id, region, id)
) STRICT;

CREATE INDEX ec2_hosts_by_scope ON ec2_hosts (account_id, region, seq);

CREATE TABLE ec2_launch_templates (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL,
    region     TEXT NOT NULL,
    id         TEXT NOT NULL,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    doc        TEXT NOT NULL,
    UNIQUE (account_id, region, id),
    UNIQUE (account_id, region, name)
) STRICT;

CREATE INDEX ec2_launch_templates_by_scope ON ec2_launch_templates (account_id, region, seq);

-- account_id/region: the configuration's scope. The resource may belong to another account.
CREATE TABLE license_associations (
    seq                   INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id            TEXT NOT NULL,
    region                TEXT NOT NULL,
    configuration_id      TEXT NOT NULL,
    resource_arn          TEXT NOT NULL,
    resource_type         TEXT NOT NULL,
    resource_id           TEXT NOT NULL,
    resource_owner_id     TEXT NOT NULL,
    ami_association_scope TEXT,
    associated_at         TEXT NOT NULL,
    UNIQUE (account_id, region, configuration_id, resource_arn)
) STRICT;

CREATE INDEX license_associations_by_configuration ON license_associations (account_id, region, configuration_id, seq);
CREATE INDEX license_associations_by_resource ON license_associations (region, resource_arn, seq);

-- What counts against a configuration now; released_at is set on a host row kept by affinity.
CREATE TABLE license_usages (
    seq               INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id        TEXT NOT NULL,
    region            TEXT NOT NULL,
    configuration_id  TEXT NOT NULL,
    resource_arn      TEXT NOT NULL,
    resource_type     TEXT NOT NULL,
    resource_id       TEXT NOT NULL,
    resource_owner_id TEXT NOT NULL,
    host_id           TEXT,
    consumed          INTEGER NOT NULL,
    resource_status   TEXT NOT NULL,
    consumed_at       TEXT NOT NULL,
    released_at       TEXT,
    UNIQUE (account_id, region, configuration_id, resource_arn)
) STRICT;

CREATE INDEX license_usages_by_configuration ON license_usages (account_id, region, configuration_id, seq);
CREATE INDEX license_usages_by_resource ON license_usages (region, resource_owner_id, resource_arn);
CREATE INDEX license_usages_by_host ON license_usages (account_id, region, configuration_id, host_id);
CREATE INDEX license_usages_by_release ON license_usages (released_at);

CREATE TABLE license_operation_failures (
    seq               INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id        TEXT NOT NULL,
    region            TEXT NOT NULL,
    configuration_id  TEXT NOT NULL,
    resource_arn      TEXT NOT NULL,
    resource_type     TEXT NOT NULL,
    resource_owner_id TEXT NOT NULL,
    failure_time      TEXT NOT NULL,
    operation_name    TEXT NOT NULL,
    requested_by      TEXT NOT NULL,
    doc               TEXT NOT NULL
) STRICT;

CREATE INDEX license_operation_failures_by_configuration ON license_operation_failures (account_id, region, configuration_id, seq);
