-- PostgreSQL. EC2 resources and licensing: associations, usage, failure records. Same conventions as 0001:
-- scope columns lead every key and index, keyset paging on seq, columns for what queries use and
-- the rest of an entity as a JSON document.

-- AMIs are unique per Region (another account may launch a shared one); account_id is the owner.
CREATE TABLE ec2_images (
    seq              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id       text NOT NULL,
    region           text NOT NULL,
    id               text NOT NULL,
    name             text NOT NULL,
    state            text NOT NULL,
    is_public        boolean NOT NULL,
    platform_details text NOT NULL,
    usage_operation  text NOT NULL,
    version          bigint NOT NULL,
    created_at       timestamptz NOT NULL,
    doc              jsonb NOT NULL,
    UNIQUE (region, id)
);

CREATE INDEX ec2_images_by_owner ON ec2_images (account_id, region, seq);
CREATE INDEX ec2_images_by_name ON ec2_images (account_id, region, name);

-- Launch permissions: the accounts an image is shared with.
CREATE TABLE ec2_image_launch_permissions (
    region     text NOT NULL,
    image_id   text NOT NULL,
    account_id text NOT NULL,
    PRIMARY KEY (region, image_id, account_id)
);

CREATE INDEX ec2_image_launch_permissions_by_account ON ec2_image_launch_permissions (account_id, region, image_id);

CREATE TABLE ec2_instances (
    seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    text NOT NULL,
    region        text NOT NULL,
    id            text NOT NULL,
    state         text NOT NULL,
    instance_type text NOT NULL,
    image_id      text NOT NULL,
    host_id       text,
    tenancy       text NOT NULL,
    version       bigint NOT NULL,
    launch_time   timestamptz NOT NULL,
    doc           jsonb NOT NULL,
    UNIQUE (account_id, region, id)
);

CREATE INDEX ec2_instances_by_scope ON ec2_instances (account_id, region, seq);
CREATE INDEX ec2_instances_by_host ON ec2_instances (account_id, region, host_id);

CREATE TABLE ec2_hosts (
    seq               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id        text NOT NULL,
    region            text NOT NULL,
    id                text NOT NULL,
    state             text NOT NULL,
    instance_family   text NOT NULL,
    instance_type     text,
    availability_zone text NOT NULL,
    auto_placement    boolean NOT NULL,
    version           bigint NOT NULL,
    allocation_time   timestamptz NOT NULL,
    doc               jsonb NOT NULL,
    UNIQUE (account_id, region, id)
);

CREATE INDEX ec2_hosts_by_scope ON ec2_hosts (account_id, region, seq);

CREATE TABLE ec2_launch_templates (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id text NOT NULL,
    region     text NOT NULL,
    id         text NOT NULL,
    name       text NOT NULL,
    created_at timestamptz NOT NULL,
    doc        jsonb NOT NULL,
    UNIQUE (account_id, region, id),
    UNIQUE (account_id, region, name)
);

CREATE INDEX ec2_launch_templates_by_scope ON ec2_launch_templates (account_id, region, seq);

-- account_id/region: the configuration's scope. The resource may belong to another account.
CREATE TABLE license_associations (
    seq                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id            text NOT NULL,
    region                text NOT NULL,
    configuration_id      text NOT NULL,
    resource_arn          text NOT NULL,
    resource_type         text NOT NULL,
    resource_id           text NOT NULL,
    resource_owner_id     text NOT NULL,
    ami_association_scope text,
    associated_at         timestamptz NOT NULL,
    UNIQUE (account_id, region, configuration_id, resource_arn)
);

CREATE INDEX license_associations_by_configuration ON license_associations (account_id, region, configuration_id, seq);
CREATE INDEX license_associations_by_resource ON license_associations (region, resource_arn, seq);

-- What counts against a configuration now; released_at is set on a host row kept by affinity.
CREATE TABLE license_usages (
    seq               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id        text NOT NULL,
    region            text NOT NULL,
    configuration_id  text NOT NULL,
    resource_arn      text NOT NULL,
    resource_type     text NOT NULL,
    resource_id       text NOT NULL,
    resource_owner_id text NOT NULL,
    host_id           text,
    consumed          bigint NOT NULL,
    resource_status   text NOT NULL,
    consumed_at       timestamptz NOT NULL,
    released_at       timestamptz,
    UNIQUE (account_id, region, configuration_id, resource_arn)
);

CREATE INDEX license_usages_by_configuration ON license_usages (account_id, region, configuration_id, seq);
CREATE INDEX license_usages_by_resource ON license_usages (region, resource_owner_id, resource_arn);
CREATE INDEX license_usages_by_host ON license_usages (account_id, region, configuration_id, host_id);
CREATE INDEX license_usages_by_release ON license_usages (released_at);

CREATE TABLE license_operation_failures (
    seq               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id        text NOT NULL,
    region            text NOT NULL,
    configuration_id  text NOT NULL,
    resource_arn      text NOT NULL,
    resource_type     text NOT NULL,
    resource_owner_id text NOT NULL,
    failure_time      timestamptz NOT NULL,
    operation_name    text NOT NULL,
    requested_by      text NOT NULL,
    doc               jsonb NOT NULL
);

CREATE INDEX license_operation_failures_by_configuration ON license_operation_failures (account_id, region, configuration_id, seq);
