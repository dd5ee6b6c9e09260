using System.Data.Common;
using Licentia.Core;
using Licentia.Core.Inventory;
using Licentia.Core.Inventory.Resources;
using Licentia.Core.Paging;
using Licentia.Storage.Db;
using Licentia.Storage.Documents;

namespace Licentia.Storage.Stores;

/// <summary>Activations, managed nodes, their access keys and inventory items (migration 0005).</summary>
internal sealed class InventoryStore(Database db) : IInventoryStore
{
    private const string ScopeFilter = "account_id = @accountId AND region = @region";

    private const string ActivationColumns =
        "seq, id, account_id, region, iam_role, default_instance_name, registration_limit, registrations_count, expires_at, created_at, code_hash, doc";

    private const string InstanceColumns =
        "seq, id, account_id, region, activation_id, iam_role, agent_version, platform_type, registered_at, last_ping_at, doc";

    private const string ItemColumns = "instance_id, type_name, schema_version, capture_time, content_hash, doc";

    public async Task<bool> TryInsertActivationAsync(Activation activation, int maxPerScope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activation);
        var scope = activation.Scope;
        await using var session = await db.WriteAsync(ct);
        await session.LockAsync(Lock(scope, "ssm-activations", string.Empty), ct);
        await using (var count = session.Prepare($"SELECT COUNT(*) FROM ssm_activations WHERE {ScopeFilter}"))
        {
            if (await BindScope(count, scope).CountAsync(ct) >= maxPerScope)
            {
                return false;
            }
        }

        await using (var insert = session.Prepare(
            "INSERT INTO ssm_activations (account_id, region, id, iam_role, default_instance_name, registration_limit, registrations_count, " +
            "expires_at, created_at, code_hash, doc) VALUES (@accountId, @region, @id, @iamRole, @defaultName, @limit, @count, @expiresAt, " +
            "@createdAt, @codeHash, @doc)"))
        {
            await BindScope(insert, scope)
                .Bind("id", activation.Id)
                .Bind("iamRole", activation.IamRole)
                .Bind("defaultName", activation.DefaultInstanceName)
                .Bind("limit", activation.RegistrationLimit)
                .Bind("count", activation.RegistrationsCount)
                .Bind("expiresAt", activation.ExpiresAt)
                .Bind("createdAt", activation.CreatedAt)
                .Bind("codeHash", activation.CodeHash.ToArray())
                .BindJson("doc", StorageJson.Serialize(ActivationDocument.From(activation)))
                .ExecuteAsync(ct);
        }

        await session.CommitAsync(ct);
        return true;
    }

    public async Task<Activation?> FindActivationAsync(Scope scope, string activationId, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        await using var select = session.Prepare($"SELECT {ActivationColumns} FROM ssm_activations WHERE {ScopeFilter} AND id = @id");
        await using var reader = await BindScope(select, scope).Bind("id", activationId).ReadAsync(ct);
        return await reader.ReadAsync(ct) ? ReadActivation(session, reader) : null;
    }

    public async Task<Activation?> FindActivationForRegistrationAsync(string region, string activationId, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        await using var select = session.Prepare($"SELECT {ActivationColumns} FROM ssm_activations WHERE region = @region AND id = @id");
        await using var reader = await select.Bind("region", region).Bind("id", activationId).ReadAsync(ct);
        return await reader.ReadAsync(ct) ? ReadActivation(session, reader) : null;
    }

    public async Task<Page<Activation>> ListActivationsAsync(Scope scope, ActivationQuery query, string? after, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var session = await db.ReadAsync(ct);
        var builder = new QueryBuilder($"SELECT {ActivationColumns} FROM ssm_activations WHERE {ScopeFilter}")
            .In("id", query.ActivationIds)
            .In("default_instance_name", query.DefaultInstanceNames)
            .In("iam_role", query.IamRoles);
        await using var statement = BindScope(builder.Page(session, after, limit, postFiltered: false), scope);
        return await QueryBuilder.ReadPageAsync(statement, limit, r => ReadActivation(session, r), null, ct);
    }

    public async Task<bool> DeleteActivationAsync(Scope scope, string activationId, CancellationToken ct)
    {
        await using var session = await db.WriteAsync(ct);
        await using var delete = session.Prepare($"DELETE FROM ssm_activations WHERE {ScopeFilter} AND id = @id");
        var deleted = await BindScope(delete, scope).Bind("id", activationId).ExecuteAsync(ct);
        await session.CommitAsync(ct);
        return deleted > 0;
    }

    public async Task<RegistrationOutcome> TryRegisterAsync(
        ManagedInstance instance, ManagedInstanceKey key, InventoryItem information, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(information);
        var scope = instance.Scope;
        await using var session = await db.WriteAsync(ct);

        // One conditional update takes the slot. On PostgreSQL a concurrent registrar waits for this row's lock and
        // then re-checks the condition against the committed count, so the limit holds on any number of nodes.
        await using (var take = session.Prepare(
            $"UPDATE ssm_activations SET registrations_count = registrations_count + 1 WHERE {ScopeFilter} AND id = @id " +
            "AND registrations_count < registration_limit AND expires_at > @now"))
        {
            if (await BindScope(take, scope).Bind("id", instance.ActivationId).Bind("now", now).ExecuteAsync(ct) == 0)
            {
                return await WhyNotAsync(session, scope, instance.ActivationId, now, ct);
            }
        }

        await using (var insert = session.Prepare(
            "INSERT INTO ssm_managed_instances (account_id, region, id, activation_id, iam_role, agent_version, platform_type, registered_at, " +
            "last_ping_at, doc) VALUES (@accountId, @region, @id, @activationId, @iamRole, @agentVersion, @platformType, @registeredAt, " +
            "@lastPingAt, @doc)"))
        {
            await BindScope(insert, scope)
                .Bind("id", instance.Id)
                .Bind("activationId", instance.ActivationId)
                .Bind("iamRole", instance.IamRole)
                .Bind("agentVersion", instance.Facts.AgentVersion)
                .Bind("platformType", instance.Facts.PlatformType)
                .Bind("registeredAt", instance.RegisteredAt)
                .Bind("lastPingAt", instance.LastPingAt)
                .BindJson("doc", StorageJson.Serialize(ManagedInstanceDocument.From(instance)))
                .ExecuteAsync(ct);
        }

        await ResourceInventoryRows.WriteManagedServerAsync(session, instance, replace: false, ct);
        await using (var insertKey = session.Prepare(
            "INSERT INTO ssm_instance_keys (access_key_id, account_id, region, instance_id, encrypted_secret, created_at) " +
            "VALUES (@keyId, @accountId, @region, @instanceId, @secret, @createdAt)"))
        {
            await BindScope(insertKey, scope)
                .Bind("keyId", key.AccessKeyId)
                .Bind("instanceId", key.InstanceId)
                .Bind("secret", key.EncryptedSecret.ToArray())
                .Bind("createdAt", key.CreatedAt)
                .ExecuteAsync(ct);
        }

        await UpsertItemAsync(session, scope, instance.Id, information, now, ct);
        await session.CommitAsync(ct);
        return RegistrationOutcome.Registered;
    }

    public async Task<ManagedInstance?> FindInstanceAsync(Scope scope, string instanceId, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        return await FindInstanceAsync(session, scope, instanceId, ct);
    }

    public async Task<Page<ManagedInstance>> ListInstancesAsync(Scope scope, InstanceQuery query, string? after, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var session = await db.ReadAsync(ct);
        var builder = new QueryBuilder($"SELECT {InstanceColumns} FROM ssm_managed_instances WHERE {ScopeFilter}")
            .In("id", query.InstanceIds)
            .In("agent_version", query.AgentVersions)
            .In("platform_type", query.PlatformTypes)
            .In("activation_id", query.ActivationIds)
            .In("iam_role", query.IamRoles);
        if (query.PingStatuses is { } statuses)
        {
            // Derived, not stored: the statuses are ranges of last_ping_at around the query's two instants.
            var distinct = statuses.Distinct().ToList();
            var clauses = distinct.Select(s => s switch
            {
                PingStatus.Online => "last_ping_at >= @onlineSince",
                PingStatus.ConnectionLost => "(last_ping_at < @onlineSince AND last_ping_at >= @activeSince)",
                _ => "last_ping_at < @activeSince",
            }).ToList();
            var values = new List<(string, object?)>();
            if (distinct.Any(s => s != PingStatus.Inactive))
            {
                values.Add(("onlineSince", query.OnlineSince));
            }

            if (distinct.Any(s => s != PingStatus.Online))
            {
                values.Add(("activeSince", query.ActiveSince));
            }

            builder.And(clauses.Count == 0 ? "1 = 0" : "(" + string.Join(" OR ", clauses) + ")", [.. values]);
        }

        // Tags live in the node's document: tag filters are applied to the rows the SQL selected.
        var tagged = query.Tags.Count > 0;
        await using var statement = BindScope(builder.Page(session, after, limit, postFiltered: tagged), scope);
        return await QueryBuilder.ReadPageAsync(statement, limit, r => ReadInstance(session, r),
            tagged ? i => query.Tags.All(t => t.Matches(i.Tags)) : null, ct);
    }

    public async Task<bool> DeregisterAsync(Scope scope, string instanceId, CancellationToken ct)
    {
        await using var session = await db.WriteAsync(ct);
        await ResourceInventoryRows.DeleteManagedServerAsync(session, scope, instanceId, ct);
        int deleted;
        await using (var delete = session.Prepare($"DELETE FROM ssm_managed_instances WHERE {ScopeFilter} AND id = @id"))
        {
            deleted = await BindScope(delete, scope).Bind("id", instanceId).ExecuteAsync(ct);
        }

        if (deleted == 0)
        {
            return false;
        }

        foreach (var table in new[] { "ssm_instance_keys", "ssm_inventory_items" })
        {
            await using var delete = session.Prepare($"DELETE FROM {table} WHERE {ScopeFilter} AND instance_id = @id");
            await BindScope(delete, scope).Bind("id", instanceId).ExecuteAsync(ct);
        }

        await session.CommitAsync(ct);
        return true;
    }

    public async Task<ManagedInstanceKey?> FindInstanceKeyAsync(string accessKeyId, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        await using var select = session.Prepare(
            "SELECT access_key_id, account_id, region, instance_id, encrypted_secret, created_at FROM ssm_instance_keys WHERE access_key_id = @id");
        await using var reader = await select.Bind("id", accessKeyId).ReadAsync(ct);
        return await reader.ReadAsync(ct)
            ? new ManagedInstanceKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<byte[]>(4), session.ReadTimestamp(reader, 5))
            : null;
    }

    public async Task<PutInventoryOutcome> PutInventoryAsync(
        Scope scope, string instanceId, IReadOnlyList<InventoryItem> items, HostFacts? facts, DateTimeOffset now, bool heartbeat, int maxCustomTypes,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var session = await db.WriteAsync(ct);

        // Puts for one node are serialized, so the custom-type count and the hash comparisons see each other's writes.
        await session.LockAsync(Lock(scope, "ssm-inventory", instanceId), ct);
        var instance = await FindInstanceAsync(session, scope, instanceId, ct);
        if (instance is null)
        {
            return new PutInventoryOutcome(false, false, 0, 0);
        }

        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var select = session.Prepare($"SELECT type_name, content_hash FROM ssm_inventory_items WHERE {ScopeFilter} AND instance_id = @id"))
        {
            await using var reader = await BindScope(select, scope).Bind("id", instanceId).ReadAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                stored[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var customTypes = stored.Keys.Concat(items.Select(i => i.TypeName)).Where(InventoryTypes.IsCustom).Distinct(StringComparer.Ordinal).Count();
        if (customTypes > maxCustomTypes)
        {
            return new PutInventoryOutcome(true, true, 0, 0);
        }

        int written = 0, unchanged = 0;
        foreach (var item in items)
        {
            if (stored.TryGetValue(item.TypeName, out var hash) && hash == item.ContentHash)
            {
                unchanged++;
                continue;
            }

            await UpsertItemAsync(session, scope, instanceId, item, now, ct);
            if (item.TypeName == InventoryTypes.Application)
            {
                await ResourceInventoryRows.WriteApplicationsAsync(session, scope, instanceId, item, ct);
            }

            written++;
        }

        if (facts is not null || heartbeat)
        {
            var updated = instance with { Facts = facts ?? instance.Facts, LastPingAt = heartbeat ? now : instance.LastPingAt };
            await using var update = session.Prepare(
                $"UPDATE ssm_managed_instances SET agent_version = @agentVersion, platform_type = @platformType, last_ping_at = @lastPingAt, " +
                $"doc = @doc WHERE {ScopeFilter} AND id = @id");
            await BindScope(update, scope)
                .Bind("id", instanceId)
                .Bind("agentVersion", updated.Facts.AgentVersion)
                .Bind("platformType", updated.Facts.PlatformType)
                .Bind("lastPingAt", updated.LastPingAt)
                .BindJson("doc", StorageJson.Serialize(ManagedInstanceDocument.From(updated)))
                .ExecuteAsync(ct);

            // Heartbeats change no indexed fact; only a new platform (AWS:InstanceInformation) rewrites the index rows.
            if (InventoryIndex.ManagedPlatform(updated.Facts.PlatformName, updated.Facts.PlatformType)
                != InventoryIndex.ManagedPlatform(instance.Facts.PlatformName, instance.Facts.PlatformType))
            {
                await ResourceInventoryRows.WriteManagedServerAsync(session, updated, replace: true, ct);
            }
        }

        await session.CommitAsync(ct);
        return new PutInventoryOutcome(true, false, written, unchanged);
    }

    public async Task<IReadOnlyList<InventoryItem>> ListItemsAsync(Scope scope, string instanceId, string? typeName, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        var builder = new QueryBuilder($"SELECT {ItemColumns} FROM ssm_inventory_items WHERE {ScopeFilter}")
            .And("instance_id = @instanceId", ("instanceId", instanceId))
            .In<string>("type_name", typeName is null ? null : [typeName]);
        await using var statement = BindScope(builder.Prepare(session), scope);
        var items = (await ReadItemsAsync(statement, ct)).Select(p => p.Item).ToList();
        items.Sort((a, b) => string.CompareOrdinal(a.TypeName, b.TypeName));
        return items;
    }

    public async Task<Page<ScannedInventory>> ScanInventoryAsync(Scope scope, string? after, int limit, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        var builder = new QueryBuilder($"SELECT {InstanceColumns} FROM ssm_managed_instances WHERE {ScopeFilter}");
        Page<(long Seq, ManagedInstance Instance)> page;
        await using (var statement = BindScope(builder.Page(session, after, limit, postFiltered: false), scope))
        {
            page = await QueryBuilder.ReadPageAsync(statement, limit, r => (r.GetInt64(0), ReadInstance(session, r)), null, ct);
        }

        var items = new Dictionary<string, List<InventoryItem>>(StringComparer.Ordinal);
        if (page.Items.Count > 0)
        {
            var itemQuery = new QueryBuilder($"SELECT {ItemColumns} FROM ssm_inventory_items WHERE {ScopeFilter}")
                .In("instance_id", [.. page.Items.Select(p => p.Instance.Id)]);
            await using var statement = BindScope(itemQuery.Prepare(session), scope);
            foreach (var (id, item) in await ReadItemsAsync(statement, ct))
            {
                (items.TryGetValue(id, out var list) ? list : items[id] = []).Add(item);
            }
        }

        return new Page<ScannedInventory>(
            [.. page.Items.Select(p => new ScannedInventory(
                new InstanceInventory(p.Instance, items.TryGetValue(p.Instance.Id, out var list) ? list : []),
                LicenseConfigurationCursor.Encode(p.Seq)))],
            page.NextCursor);
    }

    private static async Task<RegistrationOutcome> WhyNotAsync(Session session, Scope scope, string activationId, DateTimeOffset now, CancellationToken ct)
    {
        await using var select = session.Prepare(
            $"SELECT registrations_count, registration_limit, expires_at FROM ssm_activations WHERE {ScopeFilter} AND id = @id");
        await using var reader = await BindScope(select, scope).Bind("id", activationId).ReadAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return RegistrationOutcome.UnknownActivation;
        }

        return session.ReadTimestamp(reader, 2) <= now ? RegistrationOutcome.Expired : RegistrationOutcome.LimitReached;
    }

    private static async Task UpsertItemAsync(Session session, Scope scope, string instanceId, InventoryItem item, DateTimeOffset now, CancellationToken ct)
    {
        await using var upsert = session.Prepare(
            "INSERT INTO ssm_inventory_items (account_id, region, instance_id, type_name, schema_version, capture_time, content_hash, updated_at, doc) " +
            "VALUES (@accountId, @region, @instanceId, @typeName, @schemaVersion, @captureTime, @contentHash, @updatedAt, @doc) " +
            "ON CONFLICT (account_id, region, instance_id, type_name) DO UPDATE SET schema_version = excluded.schema_version, " +
            "capture_time = excluded.capture_time, content_hash = excluded.content_hash, updated_at = excluded.updated_at, doc = excluded.doc");
        await BindScope(upsert, scope)
            .Bind("instanceId", instanceId)
            .Bind("typeName", item.TypeName)
            .Bind("schemaVersion", item.SchemaVersion)
            .Bind("captureTime", item.CaptureTime)
            .Bind("contentHash", item.ContentHash)
            .Bind("updatedAt", now)
            .BindJson("doc", StorageJson.Serialize(InventoryItemDocument.From(item)))
            .ExecuteAsync(ct);
    }

    private static async Task<ManagedInstance?> FindInstanceAsync(Session session, Scope scope, string instanceId, CancellationToken ct)
    {
        await using var select = session.Prepare($"SELECT {InstanceColumns} FROM ssm_managed_instances WHERE {ScopeFilter} AND id = @id");
        await using var reader = await BindScope(select, scope).Bind("id", instanceId).ReadAsync(ct);
        return await reader.ReadAsync(ct) ? ReadInstance(session, reader) : null;
    }

    private static async Task<List<(string InstanceId, InventoryItem Item)>> ReadItemsAsync(Statement statement, CancellationToken ct)
    {
        await using var reader = await statement.ReadAsync(ct);
        var items = new List<(string, InventoryItem)>();
        while (await reader.ReadAsync(ct))
        {
            var doc = StorageJson.Deserialize<InventoryItemDocument>(reader.GetString(5));
            items.Add((reader.GetString(0), new InventoryItem
            {
                TypeName = reader.GetString(1),
                SchemaVersion = reader.GetString(2),
                CaptureTime = reader.GetString(3),
                ContentHash = reader.GetString(4),
                Content = [.. doc.Content],
                Context = doc.Context,
            }));
        }

        return items;
    }

    private static Activation ReadActivation(Session session, DbDataReader reader)
    {
        var doc = StorageJson.Deserialize<ActivationDocument>(reader.GetString(11));
        return new Activation
        {
            Id = reader.GetString(1),
            AccountId = reader.GetString(2),
            Region = reader.GetString(3),
            IamRole = reader.GetString(4),
            DefaultInstanceName = reader.GetString(5),
            RegistrationLimit = reader.GetInt32(6),
            RegistrationsCount = reader.GetInt32(7),
            ExpiresAt = session.ReadTimestamp(reader, 8),
            CreatedAt = session.ReadTimestamp(reader, 9),
            CodeHash = reader.GetFieldValue<byte[]>(10),
            Description = doc.Description,
            Tags = StoredTag.ToTags(doc.Tags),
        };
    }

    private static ManagedInstance ReadInstance(Session session, DbDataReader reader)
    {
        var doc = StorageJson.Deserialize<ManagedInstanceDocument>(reader.GetString(10));
        return new ManagedInstance
        {
            Id = reader.GetString(1),
            AccountId = reader.GetString(2),
            Region = reader.GetString(3),
            ActivationId = reader.GetString(4),
            IamRole = reader.GetString(5),
            Facts = new HostFacts
            {
                AgentVersion = reader.GetString(6),
                PlatformType = reader.GetString(7),
                ComputerName = doc.ComputerName,
                PlatformName = doc.PlatformName,
                PlatformVersion = doc.PlatformVersion,
                IpAddress = doc.IpAddress,
            },
            RegisteredAt = session.ReadTimestamp(reader, 8),
            LastPingAt = session.ReadTimestamp(reader, 9),
            Name = doc.Name,
            Tags = StoredTag.ToTags(doc.Tags),
        };
    }

    private static Statement BindScope(Statement statement, Scope scope) =>
        statement.Bind("accountId", scope.AccountId).Bind("region", scope.Region);

    // Same shape as the names in LockNames: scope, kind, resource, joined by NUL.
    private static string Lock(Scope scope, string kind, string resource) => string.Join('\0', scope.AccountId, scope.Region, kind, resource);
}
