using Licentia.Core;
using Licentia.Core.Licensing;
using Licentia.Core.Paging;
using Licentia.Storage.Db;
using Licentia.Storage.Documents;

namespace Licentia.Storage.Stores;

internal sealed partial class LicensingStore(Database db) : ILicensingStore
{
    public async Task<T> WriteAsync<T>(Func<ILicensingTransaction, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var session = await db.WriteAsync(ct);
        var result = await work(new LicensingTransaction(session));
        await session.CommitAsync(ct);
        return result;
    }

    public async Task RecordFailuresAsync(IReadOnlyList<LicenseOperationFailure> failures, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(failures);
        await using var session = await db.WriteAsync(ct);
        foreach (var f in failures)
        {
            await using var insert = session.Prepare(
                "INSERT INTO license_operation_failures (account_id, region, configuration_id, resource_arn, resource_type, resource_owner_id, " +
                "failure_time, operation_name, requested_by, doc) VALUES (@accountId, @region, @configurationId, @resourceArn, @resourceType, " +
                "@resourceOwnerId, @failureTime, @operationName, @requestedBy, @doc)");
            await LicensingRows.BindConfiguration(insert, f.Scope, f.LicenseConfigurationId)
                .Bind("resourceArn", f.ResourceArn)
                .Bind("resourceType", LicenseResourceTypeNames.ToWire(f.ResourceType))
                .Bind("resourceOwnerId", f.ResourceOwnerId)
                .Bind("failureTime", f.FailureTime)
                .Bind("operationName", f.OperationName)
                .Bind("requestedBy", f.OperationRequestedBy)
                .BindJson("doc", StorageJson.Serialize(FailureDocument.From(f)))
                .ExecuteAsync(ct);
        }

        await session.CommitAsync(ct);
    }

    public async Task<Page<LicenseAssociation>> ListAssociationsAsync(Scope scope, string configurationId, string? after, int limit, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        var builder = new QueryBuilder($"SELECT {LicensingRows.AssociationColumns} FROM license_associations WHERE {LicensingRows.ConfigurationScope}");
        await using var select = LicensingRows.BindConfiguration(builder.Page(session, after, limit, postFiltered: false), scope, configurationId);
        return await QueryBuilder.ReadPageAsync(select, limit, r => LicensingRows.ReadAssociation(session, r), null, ct);
    }

    public async Task<Page<LicenseAssociation>> ListAssociationsOfResourceAsync(
        string region, string viewerAccountId, string resourceArn, string? after, int limit, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        var builder = new QueryBuilder($"SELECT {LicensingRows.AssociationColumns} FROM license_associations WHERE {LicensingRows.ResourceViewer}");
        await using var select = builder.Page(session, after, limit, postFiltered: false)
            .Bind("region", region).Bind("resourceArn", resourceArn).Bind("viewer", viewerAccountId);
        return await QueryBuilder.ReadPageAsync(select, limit, r => LicensingRows.ReadAssociation(session, r), null, ct);
    }

    public async Task<Page<LicenseUsage>> ListUsagesAsync(Scope scope, string configurationId, LicenseUsageQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var session = await db.ReadAsync(ct);
        var builder = new QueryBuilder($"SELECT {LicensingRows.UsageColumns} FROM license_usages WHERE {LicensingRows.ConfigurationScope}")
            .And(LicensingRows.Counting, ("heldAfter", query.HeldAfter))
            .In("resource_arn", query.ResourceArns)
            .In("resource_type", query.ResourceTypes, t => LicenseResourceTypeNames.ToWire(t))
            .In("resource_owner_id", query.ResourceOwnerIds);
        await using var select = LicensingRows.BindConfiguration(builder.Page(session, query.After, query.Limit, postFiltered: false), scope, configurationId);
        return await QueryBuilder.ReadPageAsync(select, query.Limit, r => LicensingRows.ReadUsage(session, r), null, ct);
    }

    public async Task<Page<LicenseOperationFailure>> ListFailuresAsync(Scope scope, string configurationId, string? after, int limit, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        var builder = new QueryBuilder($"SELECT {LicensingRows.FailureColumns} FROM license_operation_failures WHERE {LicensingRows.ConfigurationScope}");
        await using var select = LicensingRows.BindConfiguration(builder.Page(session, after, limit, postFiltered: false), scope, configurationId);
        return await QueryBuilder.ReadPageAsync(select, limit, r => LicensingRows.ReadFailure(session, r), null, ct);
    }

    public async Task<IReadOnlyList<ResourceTypeCount>> SummarizeUsageAsync(Scope scope, string configurationId, DateTimeOffset heldAfter, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        await using var select = session.Prepare(
            $"SELECT resource_type, CAST(SUM(consumed) AS bigint) FROM license_usages WHERE {LicensingRows.ConfigurationScope} AND {LicensingRows.Counting} " +
            "GROUP BY resource_type");
        return await LicensingRows.ReadCountsAsync(LicensingRows.BindConfiguration(select, scope, configurationId).Bind("heldAfter", heldAfter), ct);
    }

    public async Task<IReadOnlyList<ResourceTypeCount>> SummarizeAssociationsAsync(Scope scope, string configurationId, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        await using var select = session.Prepare(
            $"SELECT resource_type, COUNT(*) FROM license_associations WHERE {LicensingRows.ConfigurationScope} GROUP BY resource_type");
        return await LicensingRows.ReadCountsAsync(LicensingRows.BindConfiguration(select, scope, configurationId), ct);
    }

    public async Task<bool> HasAssociationsAsync(Scope scope, string configurationId, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        return await HasAssociationsAsync(session, scope, configurationId, ct);
    }

    public async Task<int> RemoveAssociationsOfDeregisteredImagesAsync(int batchSize, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        await using var session = await db.WriteAsync(ct);

        // Housekeeping over every scope, like the idempotency purge: AMI associations whose image is
        // deregistered or gone. Each removal is keyed by its full scope.
        var doomed = new List<(long Seq, string Account, string Region, string Configuration)>();
        await using (var select = session.Prepare(
            "SELECT a.seq, a.account_id, a.region, a.configuration_id FROM license_associations a " +
            "WHERE a.resource_type = 'EC2_AMI' AND NOT EXISTS (SELECT 1 FROM ec2_images i " +
            "WHERE i.region = a.region AND i.id = a.resource_id AND i.state = 'available') ORDER BY a.seq LIMIT @take"))
        {
            await using var reader = await select.Bind("take", (long)batchSize).ReadAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                doomed.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        foreach (var (seq, account, region, configuration) in doomed)
        {
            await using var delete = session.Prepare($"DELETE FROM license_associations WHERE {LicensingRows.ConfigurationScope} AND seq = @seq");
            await LicensingRows.BindConfiguration(delete, new Scope(account, region), configuration).Bind("seq", seq).ExecuteAsync(ct);
        }

        await session.CommitAsync(ct);
        return doomed.Count;
    }

    public async Task<int> PurgeReleasedUsagesAsync(DateTimeOffset releasedBefore, CancellationToken ct)
    {
        await using var session = await db.WriteAsync(ct);
        int purged;
        await using (var delete = session.Prepare("DELETE FROM license_usages WHERE released_at IS NOT NULL AND released_at < @before"))
        {
            purged = await delete.Bind("before", releasedBefore).ExecuteAsync(ct);
        }

        await session.CommitAsync(ct);
        return purged;
    }

    public Task<IAsyncDisposable?> TryAcquireJobLockAsync(string jobName, CancellationToken ct) => db.TryAcquireJobLockAsync(jobName, ct);

    internal static async Task<bool> HasAssociationsAsync(Session session, Scope scope, string configurationId, CancellationToken ct)
    {
        await using var select = session.Prepare($"SELECT 1 FROM license_associations WHERE {LicensingRows.ConfigurationScope} LIMIT 1");
        return await LicensingRows.BindConfiguration(select, scope, configurationId).ExistsAsync(ct);
    }
}
