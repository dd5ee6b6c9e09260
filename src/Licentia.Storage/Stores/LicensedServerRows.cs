using System.Data.Common;
using Licentia.Core;
using Licentia.Core.Inventory;
using Licentia.Core.Licensing;
using Licentia.Storage.Db;
using Licentia.Storage.Documents;

namespace Licentia.Storage.Stores;

/// <summary>
/// Managed servers as licensing sees them (<see cref="LicensedServer"/>): the node's last report (its last heartbeat)
/// and the processors of its AWS:InstanceDetailedInformation item, read from the inventory tables (migration 0005).
/// </summary>
internal static class LicensedServerRows
{
    /// <summary>Columns of a server joined with its detailed-information item: id, account, region, last ping, item doc.</summary>
    public const string Columns = "m.id, m.account_id, m.region, m.last_ping_at, d.doc";

    /// <summary>The detailed-information item of server <c>m</c>, if reported.</summary>
    public const string DetailedItemJoin =
        "LEFT JOIN ssm_inventory_items d ON d.account_id = m.account_id AND d.region = m.region AND d.instance_id = m.id " +
        "AND d.type_name = '" + InventoryTypes.InstanceDetailedInformation + "'";

    public static async Task<LicensedServer?> FindAsync(Session session, Scope scope, string serverId, CancellationToken ct)
    {
        await using var select = session.Prepare(
            $"SELECT {Columns} FROM ssm_managed_instances m {DetailedItemJoin} WHERE m.account_id = @accountId AND m.region = @region AND m.id = @id");
        await using var reader = await select.Bind("accountId", scope.AccountId).Bind("region", scope.Region).Bind("id", serverId).ReadAsync(ct);
        return await reader.ReadAsync(ct) ? Read(session, reader, 0) : null;
    }

    /// <summary>Reads <see cref="Columns"/> starting at <paramref name="first"/>; null when the server's id is null (an outer join found none).</summary>
    public static LicensedServer? Read(Session session, DbDataReader reader, int first)
    {
        if (reader.IsDBNull(first))
        {
            return null;
        }

        var processors = reader.IsDBNull(first + 4)
            ? null
            : StorageJson.Deserialize<InventoryItemDocument>(reader.GetString(first + 4)).Content is { Count: > 0 } content
                ? ServerProcessors.FromInventory(content[0])
                : null;
        return new LicensedServer(reader.GetString(first), reader.GetString(first + 1), reader.GetString(first + 2),
            session.ReadTimestamp(reader, first + 3), processors);
    }
}
