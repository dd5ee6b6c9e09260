using Licentia.Core;
using Licentia.Core.Compute.Hosts;
using Licentia.Core.Compute.Images;
using Licentia.Core.Compute.Instances;
using Licentia.Core.Compute.LaunchTemplates;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Licensing;
using Licentia.Storage.Db;

namespace Licentia.Storage.Stores;

/// <summary>
/// One licensing transaction over a write session. On PostgreSQL the locks are transaction-scoped advisory
/// locks taken in ordinal order of their names (so overlapping transactions on any node cannot deadlock),
/// and READ COMMITTED makes every read after them see what earlier holders committed. On SQLite the
/// session's BEGIN IMMEDIATE already holds the only write lock.
/// </summary>
internal sealed class LicensingTransaction(Session session) : ILicensingTransaction
{
    private bool _locked;

    public async Task LockAsync(IReadOnlyCollection<LicensingLock> locks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(locks);
        if (_locked)
        {
            throw new InvalidOperationException("A licensing transaction takes its locks once, all together, to keep their order stable.");
        }

        _locked = true;
        foreach (var name in locks.Select(ComputeLockNames.For).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await session.LockAsync(name, ct);
        }
    }

    public async Task<LicenseConfiguration?> FindConfigurationAsync(Scope scope, string id, CancellationToken ct) =>
        await LicenseConfigurationStore.FindAsync(session, scope, id, ct);

    public async Task SetUsageLimitExceededAsync(Scope scope, string configurationId, bool exceeded, CancellationToken ct)
    {
        // The version moves too: an UpdateLicenseConfiguration that read the old row must not write the old flag back.
        await using var update = session.Prepare(
            "UPDATE license_configurations SET usage_limit_exceeded = @exceeded, version = version + 1 " +
            "WHERE account_id = @accountId AND region = @region AND id = @id");
        await ComputeRows.Bind(update, scope).Bind("id", configurationId).Bind("exceeded", exceeded).ExecuteAsync(ct);
    }

    public async Task<IReadOnlyList<LicenseAssociation>> AssociationsOfResourceAsync(string region, string viewerAccountId, string resourceArn, CancellationToken ct)
    {
        await using var select = session.Prepare(
            $"SELECT {LicensingRows.AssociationColumns} FROM license_associations WHERE {LicensingRows.ResourceViewer} ORDER BY seq");
        return await LicensingRows.ReadAllAsync(
            select.Bind("region", region).Bind("resourceArn", resourceArn).Bind("viewer", viewerAccountId),
            r => LicensingRows.ReadAssociation(session, r),
            ct);
    }

    public async Task InsertAssociationAsync(LicenseAssociation association, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(association);
        await using var insert = session.Prepare(
            "INSERT INTO license_associations (account_id, region, configuration_id, resource_arn, resource_type, resource_id, resource_owner_id, " +
            "ami_association_scope, associated_at, origin) VALUES (@accountId, @region, @configurationId, @resourceArn, @resourceType, @resourceId, " +
            "@resourceOwnerId, @amiAssociationScope, @associatedAt, @origin) " +
            "ON CONFLICT (account_id, region, configuration_id, resource_arn) DO NOTHING");
        await LicensingRows.BindConfiguration(insert, association.Scope, association.LicenseConfigurationId)
            .Bind("resourceArn", association.ResourceArn)
            .Bind("resourceType", LicenseResourceTypeNames.ToWire(association.ResourceType))
            .Bind("resourceId", association.ResourceId)
            .Bind("resourceOwnerId", association.ResourceOwnerId)
            .Bind("amiAssociationScope", association.AmiAssociationScope)
            .Bind("associatedAt", association.AssociatedAt)
            .Bind("origin", AssociationOriginNames.ToStored(association.Origin))
            .ExecuteAsync(ct);
    }

    public async Task DeleteAssociationAsync(Scope scope, string configurationId, string resourceArn, CancellationToken ct)
    {
        await using var delete = session.Prepare($"DELETE FROM license_associations WHERE {LicensingRows.ConfigurationScope} AND resource_arn = @resourceArn");
        await LicensingRows.BindConfiguration(delete, scope, configurationId).Bind("resourceArn", resourceArn).ExecuteAsync(ct);
    }

    public async Task<long> ConsumedAsync(Scope scope, string configurationId, DateTimeOffset heldAfter, CancellationToken ct)
    {
        await using var select = session.Prepare(
            $"SELECT COALESCE(CAST(SUM(consumed) AS bigint), 0) FROM license_usages WHERE {LicensingRows.ConfigurationScope} AND {LicensingRows.Counting}");
        return await LicensingRows.BindConfiguration(select, scope, configurationId).Bind("heldAfter", heldAfter).CountAsync(ct);
    }

    public async Task<LicenseUsage?> FindUsageAsync(Scope scope, string configurationId, string resourceArn, CancellationToken ct)
    {
        await using var select = session.Prepare(
            $"SELECT {LicensingRows.UsageColumns} FROM license_usages WHERE {LicensingRows.ConfigurationScope} AND resource_arn = @resourceArn");
        var rows = await LicensingRows.ReadAllAsync(
            LicensingRows.BindConfiguration(select, scope, configurationId).Bind("resourceArn", resourceArn), r => LicensingRows.ReadUsage(session, r), ct);
        return rows.Count > 0 ? rows[0] : null;
    }

    public async Task<IReadOnlyList<LicenseUsage>> UsagesOfResourceAsync(string region, string resourceOwnerId, string resourceArn, CancellationToken ct)
    {
        await using var select = session.Prepare(
            $"SELECT {LicensingRows.UsageColumns} FROM license_usages " +
            "WHERE region = @region AND resource_owner_id = @owner AND resource_arn = @resourceArn ORDER BY seq");
        return await LicensingRows.ReadAllAsync(
            select.Bind("region", region).Bind("owner", resourceOwnerId).Bind("resourceArn", resourceArn), r => LicensingRows.ReadUsage(session, r), ct);
    }

    public async Task UpsertUsageAsync(LicenseUsage usage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(usage);
        await using var upsert = session.Prepare(
            "INSERT INTO license_usages (account_id, region, configuration_id, resource_arn, resource_type, resource_id, resource_owner_id, host_id, " +
            "consumed, resource_status, consumed_at, released_at) VALUES (@accountId, @region, @configurationId, @resourceArn, @resourceType, " +
            "@resourceId, @resourceOwnerId, @hostId, @consumed, @resourceStatus, @consumedAt, @releasedAt) " +
            "ON CONFLICT (account_id, region, configuration_id, resource_arn) DO UPDATE SET resource_type = excluded.resource_type, " +
            "resource_id = excluded.resource_id, resource_owner_id = excluded.resource_owner_id, host_id = excluded.host_id, " +
            "consumed = excluded.consumed, resource_status = excluded.resource_status, consumed_at = excluded.consumed_at, released_at = excluded.released_at");
        await LicensingRows.BindConfiguration(upsert, usage.Scope, usage.LicenseConfigurationId)
            .Bind("resourceArn", usage.ResourceArn)
            .Bind("resourceType", LicenseResourceTypeNames.ToWire(usage.ResourceType))
            .Bind("resourceId", usage.ResourceId)
            .Bind("resourceOwnerId", usage.ResourceOwnerId)
            .Bind("hostId", usage.HostId)
            .Bind("consumed", usage.Consumed)
            .Bind("resourceStatus", usage.ResourceStatus)
            .Bind("consumedAt", usage.ConsumedAt)
            .Bind("releasedAt", usage.ReleasedAt)
            .ExecuteAsync(ct);
    }

    public async Task DeleteUsageAsync(Scope scope, string configurationId, string resourceArn, CancellationToken ct)
    {
        await using var delete = session.Prepare($"DELETE FROM license_usages WHERE {LicensingRows.ConfigurationScope} AND resource_arn = @resourceArn");
        await LicensingRows.BindConfiguration(delete, scope, configurationId).Bind("resourceArn", resourceArn).ExecuteAsync(ct);
    }

    public async Task<int> CountInstanceUsagesOnHostAsync(Scope scope, string configurationId, string hostId, CancellationToken ct)
    {
        await using var select = session.Prepare(
            $"SELECT COUNT(*) FROM license_usages WHERE {LicensingRows.ConfigurationScope} AND host_id = @hostId " +
            "AND resource_type = 'EC2_INSTANCE' AND released_at IS NULL");
        return (int)await LicensingRows.BindConfiguration(select, scope, configurationId).Bind("hostId", hostId).CountAsync(ct);
    }

    public Task<Ec2Image?> FindImageAsync(string region, string viewerAccountId, string imageId, CancellationToken ct) =>
        ComputeRows.FindImageAsync(session, region, viewerAccountId, imageId, ct);

    public Task<Ec2Instance?> FindInstanceAsync(Scope scope, string instanceId, CancellationToken ct) =>
        ComputeRows.FindInstanceAsync(session, scope, instanceId, ct);

    public Task InsertInstanceAsync(Ec2Instance instance, CancellationToken ct) => ComputeRows.InsertInstanceAsync(session, instance, ct);

    public Task<bool> TryUpdateInstanceAsync(Ec2Instance instance, long expectedVersion, CancellationToken ct) =>
        ComputeRows.TryUpdateInstanceAsync(session, instance, expectedVersion, ct);

    public Task<DedicatedHost?> FindHostAsync(Scope scope, string hostId, CancellationToken ct) => ComputeRows.FindHostAsync(session, scope, hostId, ct);

    public async Task<IReadOnlyList<DedicatedHost>> AvailableHostsAsync(Scope scope, CancellationToken ct)
    {
        await using var select = session.Prepare(
            $"SELECT {ComputeRows.HostColumns} FROM ec2_hosts WHERE account_id = @accountId AND region = @region AND state = 'available' ORDER BY seq");
        return await LicensingRows.ReadAllAsync(ComputeRows.Bind(select, scope), r => ComputeRows.ReadHost(session, r), ct);
    }

    public async Task<IReadOnlyList<Ec2Instance>> InstancesOnHostAsync(Scope scope, string hostId, CancellationToken ct)
    {
        await using var select = session.Prepare(
            $"SELECT {ComputeRows.InstanceColumns} FROM ec2_instances WHERE account_id = @accountId AND region = @region AND host_id = @hostId " +
            "AND state IN ('pending', 'running') ORDER BY seq");
        return await LicensingRows.ReadAllAsync(ComputeRows.Bind(select, scope).Bind("hostId", hostId), r => ComputeRows.ReadInstance(session, r), ct);
    }

    public Task<bool> TryUpdateHostAsync(DedicatedHost host, long expectedVersion, CancellationToken ct) =>
        ComputeRows.TryUpdateHostAsync(session, host, expectedVersion, ct);

    public Task<LaunchTemplate?> FindLaunchTemplateAsync(Scope scope, string? id, string? name, CancellationToken ct) =>
        ComputeRows.FindTemplateAsync(session, scope, id, name, ct);

    public Task<LicensedServer?> FindManagedServerAsync(Scope scope, string serverId, CancellationToken ct) =>
        LicensedServerRows.FindAsync(session, scope, serverId, ct);
}
