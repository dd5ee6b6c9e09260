using System.Text;
using Licentia.Core;
using Licentia.Core.Compute.Instances;
using Licentia.Core.Inventory;
using Licentia.Core.Inventory.Resources;
using Licentia.Storage.Db;

namespace Licentia.Storage.Stores;

/// <summary>
/// Keeps resource_inventory_attributes (migration 0009) in step with the resources ListResourceInventory shows.
/// Each method runs inside the caller's write transaction, right after the resource row it describes is written,
/// so the index and the resource commit (or roll back) together. A resource is addressed by its table's seq,
/// looked up by id inside the statement.
/// </summary>
internal static class ResourceInventoryRows
{
    public const string Ec2Kind = "e";
    public const string ManagedKind = "m";

    // Rows per INSERT: a server may report thousands of packages; two parameters a row stays far below either engine's limit.
    private const int Batch = 200;

    /// <summary>After an EC2 instance row is inserted or updated: its platform and license-included rows, none once terminated.</summary>
    public static async Task WriteInstanceAsync(Session session, Ec2Instance instance, bool replace, CancellationToken ct)
    {
        var scope = instance.Scope;
        if (replace)
        {
            await DeleteAsync(session, scope, Ec2Kind, instance.Id, null, ct);
        }

        if (instance.State != InstanceState.Terminated)
        {
            await InsertAsync(session, scope, Ec2Kind, instance.Id, InventoryIndex.OfInstance(instance.PlatformDetails, instance.UsageOperation), ct);
        }
    }

    /// <summary>After a managed server is registered or its facts change: its platform and tag rows (applications are kept).</summary>
    public static async Task WriteManagedServerAsync(Session session, ManagedInstance instance, bool replace, CancellationToken ct)
    {
        var scope = instance.Scope;
        if (replace)
        {
            await DeleteAsync(session, scope, ManagedKind, instance.Id, "name <> @keep", ct, ("keep", InventoryIndex.ApplicationName));
        }

        var platform = InventoryIndex.ManagedPlatform(instance.Facts.PlatformName, instance.Facts.PlatformType);
        await InsertAsync(session, scope, ManagedKind, instance.Id, InventoryIndex.OfManagedServer(platform, instance.Tags), ct);
    }

    /// <summary>
    /// After an AWS:Application item is written: the server's application names. Only the names that came or went are
    /// written: a new report mostly changes versions, and every index row written costs random pages in two indexes.
    /// </summary>
    public static async Task WriteApplicationsAsync(Session session, Scope scope, string instanceId, InventoryItem applications, CancellationToken ct)
    {
        var wanted = InventoryIndex.OfApplications(InventoryIndex.ApplicationNames(applications.Content));
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using (var select = session.Prepare(
            "SELECT value FROM resource_inventory_attributes WHERE account_id = @accountId AND region = @region AND kind = @kind " +
            $"AND seq = {SeqOf(ManagedKind)} AND name = @only"))
        {
            select.Bind("accountId", scope.AccountId).Bind("region", scope.Region).Bind("kind", ManagedKind).Bind("id", instanceId)
                .Bind("only", InventoryIndex.ApplicationName);
            await using var reader = await select.ReadAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                stored.Add(reader.GetString(0));
            }
        }

        var keep = wanted.Select(v => v.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in stored.Where(v => !keep.Contains(v)))
        {
            await DeleteAsync(session, scope, ManagedKind, instanceId, "name = @only AND value = @value", ct,
                ("only", InventoryIndex.ApplicationName), ("value", gone));
        }

        await InsertAsync(session, scope, ManagedKind, instanceId, [.. wanted.Where(v => !stored.Contains(v.Value))], ct);
    }

    /// <summary>Before a managed server's row is deleted: all its rows.</summary>
    public static Task DeleteManagedServerAsync(Session session, Scope scope, string instanceId, CancellationToken ct) =>
        DeleteAsync(session, scope, ManagedKind, instanceId, null, ct);

    private static string SeqOf(string kind) =>
        $"(SELECT seq FROM {(kind == Ec2Kind ? "ec2_instances" : "ssm_managed_instances")} WHERE account_id = @accountId AND region = @region AND id = @id)";

    private static async Task DeleteAsync(
        Session session, Scope scope, string kind, string id, string? condition, CancellationToken ct, params (string Name, string Value)[] values)
    {
        await using var delete = session.Prepare(
            "DELETE FROM resource_inventory_attributes WHERE account_id = @accountId AND region = @region AND kind = @kind " +
            $"AND seq = {SeqOf(kind)}" + (condition is null ? string.Empty : " AND " + condition));
        delete.Bind("accountId", scope.AccountId).Bind("region", scope.Region).Bind("kind", kind).Bind("id", id);
        foreach (var (name, value) in values)
        {
            delete.Bind(name, value);
        }

        await delete.ExecuteAsync(ct);
    }

    private static async Task InsertAsync(Session session, Scope scope, string kind, string id, IReadOnlyList<IndexedValue> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(Batch))
        {
            // INSERT ... SELECT over a VALUES list: one statement per chunk. (WHERE true: SQLite's grammar needs a WHERE before
            // ON CONFLICT in an INSERT ... SELECT.)
            var values = new StringBuilder();
            for (var i = 0; i < chunk.Length; i++)
            {
                values.Append(i == 0 ? string.Empty : ", ").Append("(@n").Append(i).Append(", @v").Append(i).Append(')');
            }

            await using var insert = session.Prepare(
                "INSERT INTO resource_inventory_attributes (account_id, region, kind, seq, name, value) " +
                $"SELECT @accountId, @region, @kind, {SeqOf(kind)}, v.column1, v.column2 FROM (VALUES {values}) AS v " +
                "WHERE true ON CONFLICT DO NOTHING");
            insert.Bind("accountId", scope.AccountId).Bind("region", scope.Region).Bind("kind", kind).Bind("id", id);
            for (var i = 0; i < chunk.Length; i++)
            {
                insert.Bind("n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), chunk[i].Name)
                    .Bind("v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), chunk[i].Value);
            }

            await insert.ExecuteAsync(ct);
        }
    }
}
