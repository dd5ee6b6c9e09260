using System.Data.Common;
using System.Text;
using Licentia.Core;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Paging;
using Licentia.Core.Tagging;
using Licentia.Storage.Db;
using Licentia.Storage.Documents;

namespace Licentia.Storage.Stores;

internal sealed class LicenseConfigurationStore(Database db) : ILicenseConfigurationStore
{
    internal const string Columns =
        "seq, id, arn, account_id, region, counting_type, hard_limit, usage_limit_exceeded, version, created_at, updated_at, doc, discovery_last_run_at";

    private const string ScopeFilter = "account_id = @accountId AND region = @region";

    public async Task<bool> TryInsertAsync(LicenseConfiguration configuration, IReadOnlyList<Tag> tags, int maxPerScope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(tags);
        var scope = configuration.Scope;
        await using var session = await db.WriteAsync(ct);

        // Count and insert under one lock per scope: two creators cannot both see the last free slot.
        await session.LockAsync(LockNames.LicenseConfigurationQuota(scope), ct);
        await using (var count = session.Prepare($"SELECT COUNT(*) FROM license_configurations WHERE {ScopeFilter}"))
        {
            if (await count.Bind("accountId", scope.AccountId).Bind("region", scope.Region).CountAsync(ct) >= maxPerScope)
            {
                return false;
            }
        }

        await using (var insert = session.Prepare(
            "INSERT INTO license_configurations " +
            "(account_id, region, id, arn, counting_type, hard_limit, usage_limit_exceeded, version, created_at, updated_at, doc) " +
            "VALUES (@accountId, @region, @id, @arn, @countingType, @hardLimit, @usageLimitExceeded, @version, @createdAt, @updatedAt, @doc)"))
        {
            await BindMutable(insert, configuration)
                .Bind("arn", configuration.Arn)
                .Bind("createdAt", configuration.CreatedAt)
                .Bind("version", configuration.Version)
                .ExecuteAsync(ct);
        }

        await TagRows.UpsertAsync(session, scope, configuration.Arn, tags, ct);
        await session.CommitAsync(ct);
        return true;
    }

    public async Task<LicenseConfiguration?> FindAsync(Scope scope, string id, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        return await FindAsync(session, scope, id, ct);
    }

    /// <summary>Reads within a session, e.g. a licensing transaction after it took the configuration's lock.</summary>
    internal static async Task<LicenseConfiguration?> FindAsync(Session session, Scope scope, string id, CancellationToken ct)
    {
        await using var select = session.Prepare($"SELECT {Columns} FROM license_configurations WHERE {ScopeFilter} AND id = @id");
        await using var reader = await select
            .Bind("accountId", scope.AccountId)
            .Bind("region", scope.Region)
            .Bind("id", id)
            .ReadAsync(ct);
        return await reader.ReadAsync(ct) ? Read(session, reader) : null;
    }

    public async Task<Page<LicenseConfiguration>> ListAsync(Scope scope, LicenseConfigurationQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        var after = LicenseConfigurationCursor.Decode(query.After);

        // A filter given with no values matches nothing ("any of none"); only null means "do not filter".
        if (query.Ids is { Count: 0 } || query.CountingTypes is { Count: 0 })
        {
            return new Page<LicenseConfiguration>([], null);
        }

        await using var session = await db.ReadAsync(ct);
        var sql = new StringBuilder($"SELECT {Columns} FROM license_configurations WHERE {ScopeFilter} AND seq > @after");
        var values = new List<(string Name, object Value)>();
        AppendIn(sql, values, "id", "id", query.Ids);
        AppendIn(sql, values, "counting_type", "countingType", query.CountingTypes?.Select(StoredNames.Of).ToList());
        if (query.HardLimit is { } hardLimit)
        {
            sql.Append(" AND hard_limit = @hardLimit");
            values.Add(("hardLimit", hardLimit));
        }

        if (query.UsageLimitExceeded is { } exceeded)
        {
            sql.Append(" AND usage_limit_exceeded = @usageLimitExceeded");
            values.Add(("usageLimitExceeded", exceeded));
        }

        // One row more than asked tells whether another page exists without a second query.
        sql.Append(" ORDER BY seq LIMIT @take");
        await using var select = session.Prepare(sql.ToString());
        select.Bind("accountId", scope.AccountId).Bind("region", scope.Region).Bind("after", after).Bind("take", (long)query.Limit + 1);
        foreach (var (name, value) in values)
        {
            select.Bind(name, value);
        }

        await using var reader = await select.ReadAsync(ct);
        var items = new List<LicenseConfiguration>();
        long lastSeq = 0;
        var more = false;
        while (await reader.ReadAsync(ct))
        {
            if (items.Count == query.Limit)
            {
                more = true;
                break;
            }

            lastSeq = reader.GetInt64(0);
            items.Add(Read(session, reader));
        }

        return new Page<LicenseConfiguration>(items, more ? LicenseConfigurationCursor.Encode(lastSeq) : null);
    }

    public async Task<bool> TryUpdateAsync(LicenseConfiguration configuration, long expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        await using var session = await db.WriteAsync(ct);

        // The version test and the write are one statement, so no lock is needed: of two updaters
        // holding the same version, exactly one matches the row. ARN and creation time never change.
        await using var update = session.Prepare(
            "UPDATE license_configurations SET counting_type = @countingType, hard_limit = @hardLimit, " +
            "usage_limit_exceeded = @usageLimitExceeded, version = @newVersion, updated_at = @updatedAt, doc = @doc " +
            $"WHERE {ScopeFilter} AND id = @id AND version = @expectedVersion");
        var updated = await BindMutable(update, configuration)
            .Bind("newVersion", expectedVersion + 1)
            .Bind("expectedVersion", expectedVersion)
            .ExecuteAsync(ct);
        await session.CommitAsync(ct);
        return updated == 1;
    }

    public async Task<bool> DeleteAsync(Scope scope, string id, CancellationToken ct)
    {
        await using var session = await db.WriteAsync(ct);

        // Under the configuration's lock, as the licensing transactions that associate it: a configuration
        // that still has associations is not deleted (false; the manager tells not-found from associated).
        await session.LockAsync(ComputeLockNames.LicenseConfiguration(scope, id), ct);
        if (await LicensingStore.HasAssociationsAsync(session, scope, id, ct))
        {
            return false;
        }

        string? arn;
        await using (var select = session.Prepare($"SELECT arn FROM license_configurations WHERE {ScopeFilter} AND id = @id"))
        {
            await using var reader = await select.Bind("accountId", scope.AccountId).Bind("region", scope.Region).Bind("id", id).ReadAsync(ct);
            arn = await reader.ReadAsync(ct) ? reader.GetString(0) : null;
        }

        if (arn is null)
        {
            return false;
        }

        await TagRows.DeleteAllAsync(session, scope, arn, ct);
        // Rows that outlive associations (hosts kept by affinity, failure records) go with the configuration.
        foreach (var table in new[] { "license_usages", "license_operation_failures" })
        {
            await using var purge = session.Prepare($"DELETE FROM {table} WHERE {ScopeFilter} AND configuration_id = @id");
            await purge.Bind("accountId", scope.AccountId).Bind("region", scope.Region).Bind("id", id).ExecuteAsync(ct);
        }

        await using (var delete = session.Prepare($"DELETE FROM license_configurations WHERE {ScopeFilter} AND id = @id"))
        {
            await delete.Bind("accountId", scope.AccountId).Bind("region", scope.Region).Bind("id", id).ExecuteAsync(ct);
        }

        await session.CommitAsync(ct);
        return true;
    }

    /// <summary>Binds the key and every column an update may change.</summary>
    private static Statement BindMutable(Statement statement, LicenseConfiguration c) => statement
        .Bind("accountId", c.AccountId)
        .Bind("region", c.Region)
        .Bind("id", c.Id)
        .Bind("countingType", StoredNames.Of(c.CountingType))
        .Bind("hardLimit", c.LicenseCountHardLimit)
        .Bind("usageLimitExceeded", c.UsageLimitExceeded)
        .Bind("updatedAt", c.UpdatedAt)
        .BindJson("doc", StorageJson.Serialize(LicenseConfigurationDocument.From(c)));

    private static void AppendIn(StringBuilder sql, List<(string Name, object Value)> values, string column, string prefix, IReadOnlyList<string>? filter)
    {
        if (filter is null)
        {
            return;
        }

        // Distinct values only: a caller repeating an id must not inflate the statement.
        var distinct = filter.Distinct(StringComparer.Ordinal).ToList();
        sql.Append(" AND ").Append(column).Append(" IN (");
        for (var i = 0; i < distinct.Count; i++)
        {
            var name = prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? "@" : ", @").Append(name);
            values.Add((name, distinct[i]));
        }

        sql.Append(')');
    }

    internal static LicenseConfiguration Read(Session session, DbDataReader reader)
    {
        var doc = StorageJson.Deserialize<LicenseConfigurationDocument>(reader.GetString(11));
        return new LicenseConfiguration
        {
            Id = reader.GetString(1),
            Arn = reader.GetString(2),
            AccountId = reader.GetString(3),
            Region = reader.GetString(4),
            CountingType = StoredNames.CountingType(reader.GetString(5)),
            LicenseCountHardLimit = reader.GetBoolean(6),
            UsageLimitExceeded = reader.GetBoolean(7),
            Version = reader.GetInt64(8),
            CreatedAt = session.ReadTimestamp(reader, 9),
            UpdatedAt = session.ReadTimestamp(reader, 10),
            Name = doc.Name,
            Description = doc.Description,
            LicenseCount = doc.LicenseCount,
            Rules = doc.Rules,
            Status = StoredNames.Status(doc.Status),
            DisassociateWhenNotFound = doc.DisassociateWhenNotFound,
            ProductInformation = [.. doc.ProductInformation.Select(p => p.ToDomain())],
            LicenseExpiry = doc.LicenseExpiry,
            // The discovery job writes its own column (migration 0008); the document's value is what a caller stored.
            DiscoveryLastRunTime = reader.IsDBNull(12) ? doc.DiscoveryLastRunTime : session.ReadTimestamp(reader, 12),
        };
    }
}
