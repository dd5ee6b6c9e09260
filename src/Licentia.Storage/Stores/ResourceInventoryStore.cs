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
/// ListResourceInventory over ec2_instances (0003) and ssm_managed_instances (0005), EC2 first, keyset-paged on each
/// table's seq: the cursor is "e:&lt;seq&gt;" or "m:&lt;seq&gt;". Every filter is answered in SQL against
/// resource_inventory_attributes (0009); see <see cref="ResourceInventoryPlan"/> for how a page stays bounded.
/// </summary>
internal sealed class ResourceInventoryStore(Database db) : IResourceInventoryStore
{
    private static readonly ResourceSource[] Sources =
    [
        new(ResourceInventoryRows.Ec2Kind, "ec2_instances", "r.seq, r.id, r.image_id, r.host_id, r.instance_type, r.doc",
            $" AND r.state <> '{InstanceStateNames.ToWire(InstanceState.Terminated)}'", ReadInstance),
        new(ResourceInventoryRows.ManagedKind, "ssm_managed_instances",
            "r.seq, r.id, r.platform_type, r.doc, (SELECT a.doc FROM ssm_inventory_items a WHERE a.account_id = r.account_id " +
            $"AND a.region = r.region AND a.instance_id = r.id AND a.type_name = '{InventoryTypes.Application}')",
            string.Empty, ReadManaged),
    ];

    public async Task<Page<InventoryResource>> ListResourcesAsync(
        Scope scope, ResourceInventoryQuery query, string? after, int limit, int scanLimit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(scanLimit, limit);
        var (phase, seq) = Decode(after);

        // Every resource of a scope belongs to the scope's account, so account_id filters are decided here, once.
        var accountFilters = query.Filters.Where(f => f.Attribute == InventoryFilterField.AccountId).ToList();
        if (!accountFilters.TrueForAll(f => f.Matches(AccountProbe(scope))))
        {
            return new Page<InventoryResource>([], null);
        }

        var filters = query.Filters.Except(accountFilters).ToList();
        await using var session = await db.ReadAsync(ct);
        var found = new List<(string Position, InventoryResource Resource)>();
        foreach (var source in Sources.SkipWhile(s => s.Kind != phase))
        {
            // One more than the page asks for tells whether a next page exists, across the two tables.
            var plan = await ResourceInventoryPlan.ChooseAsync(session, scope, source, filters, seq, scanLimit, ct);
            var rows = await plan.ReadAsync(session, scope, source, seq, limit + 1 - found.Count, ct);
            found.AddRange(rows.Select(r => (Encode(source.Kind, r.Seq), r.Resource)));
            if (found.Count > limit)
            {
                return new Page<InventoryResource>([.. found.Take(limit).Select(f => f.Resource)], found[limit - 1].Position);
            }

            if (plan.Bound is { } bound)
            {
                // Everything up to the bound has been examined: the page ends short there, and the next one goes on.
                return new Page<InventoryResource>([.. found.Select(f => f.Resource)], Encode(source.Kind, bound));
            }

            seq = 0;
        }

        return new Page<InventoryResource>([.. found.Select(f => f.Resource)], null);
    }

    private static InventoryResource AccountProbe(Scope scope) => new()
    {
        ResourceId = string.Empty,
        Type = InventoryResourceType.Ec2Instance,
        Arn = string.Empty,
        OwnerAccountId = scope.AccountId,
        Region = scope.Region,
    };

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
            : InventoryIndex.ApplicationNames(StorageJson.Deserialize<InventoryItemDocument>(r.GetString(4)).Content)
                .Distinct(StringComparer.Ordinal)
                .ToList();
        return new InventoryResource
        {
            ResourceId = id,
            Type = InventoryResourceType.SsmManaged,
            Arn = ManagedInstanceIds.Arn(scope, id),
            OwnerAccountId = scope.AccountId,
            Region = scope.Region,
            Platform = InventoryIndex.ManagedPlatform(doc.PlatformName, r.GetString(2)),
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
            return (ResourceInventoryRows.Ec2Kind, 0);
        }

        var parts = cursor.Split(':');
        return parts.Length == 2 && Sources.Any(s => s.Kind == parts[0])
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            ? (parts[0], seq)
            : throw new ArgumentException($"Not a resource inventory cursor: {cursor}", nameof(cursor));
    }
}

/// <summary>One table ListResourceInventory reads: its kind in the index and cursor, the columns a page reads and how.</summary>
internal sealed record ResourceSource(string Kind, string Table, string Columns, string LiveCondition, Func<Scope, DbDataReader, InventoryResource> Read);
