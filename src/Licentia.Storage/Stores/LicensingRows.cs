using System.Data.Common;
using Licentia.Core;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Licensing;
using Licentia.Storage.Db;
using Licentia.Storage.Documents;

namespace Licentia.Storage.Stores;

/// <summary>Statements on associations, usage and failure records, shared by the store and its transaction.</summary>
internal static class LicensingRows
{
    public const string AssociationColumns =
        "seq, account_id, region, configuration_id, resource_arn, resource_type, resource_id, resource_owner_id, ami_association_scope, associated_at, origin";

    public const string UsageColumns =
        "seq, account_id, region, configuration_id, resource_arn, resource_type, resource_id, resource_owner_id, host_id, consumed, " +
        "resource_status, consumed_at, released_at";

    public const string FailureColumns =
        "seq, account_id, region, configuration_id, resource_arn, resource_type, resource_owner_id, failure_time, operation_name, requested_by, doc";

    public const string ConfigurationScope = "account_id = @accountId AND region = @region AND configuration_id = @configurationId";

    /// <summary>
    /// The associations of a resource that apply to a viewer: of its own configurations; on its own
    /// instances and hosts (whoever's configuration); and cross-account AMI associations.
    /// </summary>
    public const string ResourceViewer =
        "region = @region AND resource_arn = @resourceArn AND (account_id = @viewer " +
        "OR (resource_type <> 'EC2_AMI' AND resource_owner_id = @viewer) OR ami_association_scope = 'cross-account')";

    /// <summary>Rows that count: not released, or released within the affinity period.</summary>
    public const string Counting = "(released_at IS NULL OR released_at > @heldAfter)";

    public static Statement BindConfiguration(Statement statement, Scope scope, string configurationId) =>
        statement.Bind("accountId", scope.AccountId).Bind("region", scope.Region).Bind("configurationId", configurationId);

    public static LicenseAssociation ReadAssociation(Session session, DbDataReader r)
    {
        var scope = new Scope(r.GetString(1), r.GetString(2));
        var configurationId = r.GetString(3);
        return new LicenseAssociation
        {
            AccountId = scope.AccountId,
            Region = scope.Region,
            LicenseConfigurationId = configurationId,
            LicenseConfigurationArn = LicenseConfigurationArn.Format(scope, configurationId),
            ResourceArn = r.GetString(4),
            ResourceType = LicenseResourceTypeNames.Parse(r.GetString(5)),
            ResourceId = r.GetString(6),
            ResourceOwnerId = r.GetString(7),
            AmiAssociationScope = r.IsDBNull(8) ? null : r.GetString(8),
            AssociatedAt = session.ReadTimestamp(r, 9),
            Origin = AssociationOriginNames.Parse(r.GetString(10)),
        };
    }

    public static LicenseUsage ReadUsage(Session session, DbDataReader r) => new()
    {
        AccountId = r.GetString(1),
        Region = r.GetString(2),
        LicenseConfigurationId = r.GetString(3),
        ResourceArn = r.GetString(4),
        ResourceType = LicenseResourceTypeNames.Parse(r.GetString(5)),
        ResourceId = r.GetString(6),
        ResourceOwnerId = r.GetString(7),
        HostId = r.IsDBNull(8) ? null : r.GetString(8),
        Consumed = r.GetInt64(9),
        ResourceStatus = r.GetString(10),
        ConsumedAt = session.ReadTimestamp(r, 11),
        ReleasedAt = r.IsDBNull(12) ? null : session.ReadTimestamp(r, 12),
    };

    public static LicenseOperationFailure ReadFailure(Session session, DbDataReader r)
    {
        var doc = StorageJson.Deserialize<FailureDocument>(r.GetString(10));
        return new LicenseOperationFailure
        {
            AccountId = r.GetString(1),
            Region = r.GetString(2),
            LicenseConfigurationId = r.GetString(3),
            ResourceArn = r.GetString(4),
            ResourceType = LicenseResourceTypeNames.Parse(r.GetString(5)),
            ResourceOwnerId = r.GetString(6),
            FailureTime = session.ReadTimestamp(r, 7),
            OperationName = r.GetString(8),
            OperationRequestedBy = r.GetString(9),
            ErrorMessage = doc.ErrorMessage,
            Metadata = [.. doc.Metadata.Select(m => new FailureMetadata(m.Name, m.Value))],
        };
    }

    public static async Task<IReadOnlyList<T>> ReadAllAsync<T>(Statement statement, Func<DbDataReader, T> read, CancellationToken ct)
    {
        await using var reader = await statement.ReadAsync(ct);
        var items = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            items.Add(read(reader));
        }

        return items;
    }

    public static async Task<IReadOnlyList<ResourceTypeCount>> ReadCountsAsync(Statement statement, CancellationToken ct)
    {
        var counts = await ReadAllAsync(statement, r => new ResourceTypeCount(LicenseResourceTypeNames.Parse(r.GetString(0)), r.GetInt64(1)), ct);
        return [.. counts.Where(c => c.Count > 0).OrderBy(c => c.ResourceType)];
    }
}
