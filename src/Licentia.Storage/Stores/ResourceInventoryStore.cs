using System.Data.Common;
using System.Globalization;
using Licentia.Core;
using Licentia.Core.Compute;
using Licentia.Core.Compute.Instances;
using Licentia.Core.Inventory;
using Licentia.Core.Inventory.Resources;
using Licentia.Core.Paging;
using Licentia.Storage.Db;
using Licentia.Storage.Documents;

namespace Licentia.Storage.Stores;

/// <summary>
/// ListResourceInventory over ec2_instances (0003) and ssm_managed_instances (0005). Keyset-paged on the scope
/// indexes (account_id, region, seq) of both tables, EC2 first: the cursor is "e:&lt;seq&gt;" or "m:&lt;seq&gt;".
/// resource_id EQUALS is answered in SQL; the other filters are tested per row on a bounded scan.
/// </summary>
internal sealed class ResourceInventoryStore(Database db) : IResourceInventoryStore
{
    private const string Ec2Phase = "e";
    private const string ManagedPhase = "m";

    public async Task<Page<InventoryResource>> ListResourcesAsync(
        Scope scope, ResourceInventoryQuery query, string? after, int limit, int scanLimit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(scanLimit, limit);
        var (phase, seq) = Decode(after);

        await using var session = await db.ReadAsync(ct);
        var items = new List<InventoryResource>();
        string? lastKept = null;
        string? lastScanned = null;
        var scanned = 0;
        var more = false;
        await foreach (var (position, resource) in ScanAsync(session, scope, query.ResourceIdEquals, phase, seq, scanLimit, ct))
        {
            scanned++;
            lastScanned = position;
            if (!query.Matches(resource))
            {
                continue;
            }

            if (items.Count == limit)
            {
                more = true;
                break;
            }

            items.Add(resource);
            lastKept = position;
        }

        var next = more ? lastKept : scanned >= scanLimit ? lastScanned : null;
        return new Page<InventoryResource>(items, next);
    }

    private static async IAsyncEnumerable<(string Position, InventoryResource Resource)> ScanAsync(
        Session session, Scope scope, string? resourceId, string phase, long after, int budget,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var remaining = budget;
        if (phase == Ec2Phase)
        {
            var sql = "SELECT seq, id, image_id, host_id, instance_type, doc FROM ec2_instances " +
                "WHERE account_id = @accountId AND region = @region AND state <> @terminated" +
                (resourceId is null ? string.Empty : " AND id = @id") + " AND seq > @after ORDER BY seq LIMIT @take";
            await using var select = session.Prepare(sql)
                .Bind("accountId", scope.AccountId).Bind("region", scope.Region)
                .Bind("terminated", InstanceStateNames.ToWire(InstanceState.Terminated))
                .Bind("after", after).Bind("take", (long)remaining);
            if (resourceId is not null)
            {
                select.Bind("id", resourceId);
            }

            await using var reader = await select.ReadAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                remaining--;
                yield return (Encode(Ec2Phase, reader.GetInt64(0)), ReadInstance(scope, reader));
            }

            after = 0;
        }

        if (remaining <= 0)
        {
            yield break;
        }

        var managedSql = "SELECT m.seq, m.id, m.platform_type, m.doc, a.doc FROM ssm_managed_instances m " +
            "LEFT JOIN ssm_inventory_items a ON a.account_id = m.account_id AND a.region = m.region AND a.instance_id = m.id AND a.type_name = @application " +
            "WHERE m.account_id = @accountId AND m.region = @region" +
            (resourceId is null ? string.Empty : " AND m.id = @id") + " AND m.seq > @after ORDER BY m.seq LIMIT @take";
        await using var managed = session.Prepare(managedSql)
            .Bind("accountId", scope.AccountId).Bind("region", scope.Region)
            .Bind("application", InventoryTypes.Application)
            .Bind("after", after).Bind("take", (long)remaining);
        if (resourceId is not null)
        {
            managed.Bind("id", resourceId);
        }

        await using var managedReader = await managed.ReadAsync(ct);
        while (await managedReader.ReadAsync(ct))
        {
            yield return (Encode(ManagedPhase, managedReader.GetInt64(0)), ReadManaged(scope, managedReader));
        }
    }

    private static InventoryResource ReadInstance(Scope scope, DbDataReader r)
    {
        var id = r.GetString(1);
        var doc = StorageJson.Deserialize<InstanceDocument>(r.GetString(5));
        return new InventoryResource
        {
            ResourceId = id,
            Type = InventoryResourceType.Ec2Instance,
            Arn = Ec2Ids.InstanceArn(scope, id),
            OwnerAccountId = scope.AccountId,
            Region = scope.Region,
            Platform = doc.PlatformDetails,
            AmiId = r.GetString(2),
            HostId = r.IsDBNull(3) ? null : r.GetString(3),
            InstanceType = r.GetString(4),
            UsageOperation = doc.UsageOperation,
            LicenseIncluded = LicenseIncludedSoftware.FromUsageOperation(doc.UsageOperation),
        };
    }

    private static InventoryResource ReadManaged(Scope scope, DbDataReader r)
    {
        var id = r.GetString(1);
        var doc = StorageJson.Deserialize<ManagedInstanceDocument>(r.GetString(3));
        var applications = r.IsDBNull(4)
            ? []
            : StorageJson.Deserialize<InventoryItemDocument>(r.GetString(4)).Content
                .Select(e => e.TryGetValue("Name", out var name) ? name : null)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .ToList();
        return new InventoryResource
        {
            ResourceId = id,
            Type = InventoryResourceType.SsmManaged,
            Arn = ManagedInstanceIds.Arn(scope, id),
            OwnerAccountId = scope.AccountId,
            Region = scope.Region,
            Platform = doc.PlatformName.Length > 0 ? doc.PlatformName : r.GetString(2),
            PlatformVersion = doc.PlatformVersion,
            ApplicationNames = applications,
            Tags = StoredTag.ToTags(doc.Tags),
        };
    }

    private static string Encode(string phase, long seq) => phase + ":" + seq.ToString(CultureInfo.InvariantCulture);

    private static (string Phase, long Seq) Decode(string? cursor)
    {
        if (cursor is null)
        {
            return (Ec2Phase, 0);
        }

        var parts = cursor.Split(':');
        return parts.Length == 2 && (parts[0] == Ec2Phase || parts[0] == ManagedPhase)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            ? (parts[0], seq)
            : throw new ArgumentException($"Not a resource inventory cursor: {cursor}", nameof(cursor));
    }
}
