using Licentia.Core;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Licensing;
using Licentia.Core.Paging;
using Licentia.Storage.Db;

namespace Licentia.Storage.Stores;

/// <summary>The reads and the one write of the automated discovery job (migration 0008).</summary>
internal sealed partial class LicensingStore
{
    public async Task<Page<LicenseConfiguration>> ScanConfigurationsAsync(string? after, int limit, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);

        // Housekeeping over every scope, in seq order; each configuration carries its own scope.
        var builder = new QueryBuilder($"SELECT {LicenseConfigurationStore.Columns} FROM license_configurations WHERE 1 = 1");
        await using var select = builder.Page(session, after, limit, postFiltered: false);
        return await QueryBuilder.ReadPageAsync(select, limit, r => LicenseConfigurationStore.Read(session, r), null, ct);
    }

    public async Task<IReadOnlyList<LicenseAssociation>> AssociationsOfResourcesAsync(Scope scope, IReadOnlyList<string> resourceArns, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(resourceArns);
        if (resourceArns.Count == 0)
        {
            return [];
        }

        await using var session = await db.ReadAsync(ct);
        var builder = new QueryBuilder($"SELECT {LicensingRows.AssociationColumns} FROM license_associations WHERE account_id = @accountId AND region = @region")
            .In("resource_arn", resourceArns);
        await using var select = builder.Prepare(session).Bind("accountId", scope.AccountId).Bind("region", scope.Region);
        return await LicensingRows.ReadAllAsync(select, r => LicensingRows.ReadAssociation(session, r), ct);
    }

    public async Task<Page<ManagedServerAssociation>> ScanManagedServerAssociationsAsync(string? after, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var session = await db.ReadAsync(ct);

        // One statement per page: the association, its server (gone: NULLs) with its processors, and its usage row.
        var columns = string.Join(", ", LicensingRows.AssociationColumns.Split(", ").Select(c => "a." + c));
        await using var select = session.Prepare(
            $"SELECT {columns}, {LicensedServerRows.Columns}, u.consumed FROM license_associations a " +
            "LEFT JOIN ssm_managed_instances m ON m.account_id = a.resource_owner_id AND m.region = a.region AND m.id = a.resource_id " +
            $"{LicensedServerRows.DetailedItemJoin} " +
            "LEFT JOIN license_usages u ON u.account_id = a.account_id AND u.region = a.region AND u.configuration_id = a.configuration_id " +
            "AND u.resource_arn = a.resource_arn " +
            $"WHERE a.resource_type = '{LicenseResourceTypeNames.SystemsManagerManagedInstance}' AND a.seq > @after ORDER BY a.seq LIMIT @take");
        select.Bind("after", LicenseConfigurationCursor.Decode(after)).Bind("take", (long)limit + 1);
        return await QueryBuilder.ReadPageAsync(select, limit, r => new ManagedServerAssociation(
            LicensingRows.ReadAssociation(session, r),
            LicensedServerRows.Read(session, r, 11),
            r.IsDBNull(16) ? null : r.GetInt64(16)), null, ct);
    }

    public async Task SetDiscoveryLastRunTimeAsync(Scope scope, IReadOnlyList<string> configurationIds, DateTimeOffset runTime, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(configurationIds);
        if (configurationIds.Count == 0)
        {
            return;
        }

        await using var session = await db.WriteAsync(ct);

        // Only the job's own column: neither the document nor the version moves, so no caller's update is disturbed.
        var builder = new QueryBuilder("UPDATE license_configurations SET discovery_last_run_at = @runTime WHERE account_id = @accountId AND region = @region")
            .In("id", configurationIds);
        await using (var update = builder.Prepare(session))
        {
            await update.Bind("runTime", runTime).Bind("accountId", scope.AccountId).Bind("region", scope.Region).ExecuteAsync(ct);
        }

        await session.CommitAsync(ct);
    }
}
