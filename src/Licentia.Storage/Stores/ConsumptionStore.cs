using System.Data.Common;
using System.Globalization;
using Licentia.Core;
using Licentia.Core.Entitlements.Consumption;
using Licentia.Core.Entitlements.Licenses;
using Licentia.Storage.Db;
using Licentia.Storage.Documents;

namespace Licentia.Storage.Stores;

internal sealed class ConsumptionStore(Database db) : IConsumptionStore
{
    private const string Columns = "account_id, region, token, license_account_id, license_arn, issued_at, expires_at, doc, period_ends_at";

    private const string ActiveAt = "(expires_at IS NULL OR expires_at > @now) AND (period_ends_at IS NULL OR period_ends_at > @now)";

    public async Task<LicenseConsumption> CheckOutAsync(CheckoutReads reads, Func<CheckoutFacts, LicenseConsumption> decide, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reads);
        ArgumentNullException.ThrowIfNull(decide);
        var totals = reads.Totals;
        await using var session = await db.WriteAsync(ct);

        // One serialized transaction per license, on every node: read, decide and insert under the license's lock,
        // so two check-outs never count from the same total. What is read is only what the decision needs: sums
        // from the amounts' index and the node's own check-outs, never every active check-out of the license.
        await session.LockAsync(string.Join('\0', "license", totals.License.Region, "consumption", totals.LicenseArn), ct);
        var inUse = await SumActiveAsync(session, totals, ct);
        IReadOnlyList<LicenseConsumption> holds = reads.Node is { } node ? await ReadNodeHoldsAsync(session, totals, node, ct) : [];
        var consumption = decide(new CheckoutFacts(inUse, holds));
        if (holds.Any(h => h.Token == consumption.Token))
        {
            // The decision kept a consumption the node already holds: only its expiry moves.
            await MoveExpiryAsync(session, consumption.ConsumerScope, consumption.Token, consumption.ExpiresAt, onlyIf: "", now: null, ct);
        }
        else
        {
            await InsertAsync(session, consumption, ct);
        }

        await session.CommitAsync(ct);
        return consumption with
        {
            IssuedAt = StoredTime.Normalize(consumption.IssuedAt),
            ExpiresAt = consumption.ExpiresAt is { } e ? StoredTime.Normalize(e) : null,
            PeriodEndsAt = consumption.PeriodEndsAt is { } p ? StoredTime.Normalize(p) : null,
        };
    }

    public async Task<IReadOnlyDictionary<string, long>> SumActiveAsync(UsageQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var session = await db.ReadAsync(ct);
        return await SumActiveAsync(session, query, ct);
    }

    public async Task<LicenseConsumption?> FindAsync(Scope consumer, string token, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        await using var select = session.Prepare(
            $"SELECT {Columns} FROM license_consumptions WHERE account_id = @accountId AND region = @region AND token = @token");
        await using var reader = await select.Bind("accountId", consumer.AccountId).Bind("region", consumer.Region).Bind("token", token).ReadAsync(ct);
        return await reader.ReadAsync(ct) ? Read(session, reader) : null;
    }

    public async Task<bool> TryCheckInAsync(Scope consumer, string token, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = await db.WriteAsync(ct);

        // Its amounts go with it: license_consumption_amounts cascades on delete (migration 0011).
        await using var delete = session.Prepare(
            $"DELETE FROM license_consumptions WHERE account_id = @accountId AND region = @region AND token = @token AND {ActiveAt}");
        var deleted = await delete.Bind("accountId", consumer.AccountId).Bind("region", consumer.Region).Bind("token", token).Bind("now", now).ExecuteAsync(ct);
        await session.CommitAsync(ct);
        return deleted == 1;
    }

    public async Task<bool> TryExtendAsync(Scope consumer, string token, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken ct)
    {
        await using var session = await db.WriteAsync(ct);
        var updated = await MoveExpiryAsync(session, consumer, token, expiresAt, onlyIf: $" AND expires_at IS NOT NULL AND {ActiveAt}", now, ct);
        await session.CommitAsync(ct);
        return updated;
    }

    public async Task<IReadOnlyList<LicenseConsumption>> ListActiveAsync(Scope license, string licenseArn, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        return await ReadActiveAsync(session, license, licenseArn, now, ct);
    }

    public async Task<int> PurgeLapsedAsync(DateTimeOffset lapsedBefore, int batchSize, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        await using var session = await db.WriteAsync(ct);

        // Housekeeping over every scope, like the idempotency purge: a row lapsed when its expiry or its renewal
        // period's end passed; either long past means it can never count again. One bounded batch per transaction.
        // Their amounts go with them: license_consumption_amounts cascades on delete (migration 0011).
        await using var delete = session.Prepare(
            "DELETE FROM license_consumptions WHERE seq IN (SELECT seq FROM license_consumptions " +
            "WHERE expires_at < @before OR period_ends_at < @before ORDER BY seq LIMIT @take)");
        var purged = await delete.Bind("before", lapsedBefore).Bind("take", (long)batchSize).ExecuteAsync(ct);
        await session.CommitAsync(ct);
        return purged;
    }

    public Task<IAsyncDisposable?> TryAcquireJobLockAsync(string jobName, CancellationToken ct) => db.TryAcquireJobLockAsync(jobName, ct);

    private static async Task InsertAsync(Session session, LicenseConsumption consumption, CancellationToken ct)
    {
        long seq;
        await using (var insert = session.Prepare(
            $"INSERT INTO license_consumptions ({Columns}, node_id, beneficiary, kind) " +
            "VALUES (@accountId, @region, @token, @licenseAccountId, @licenseArn, @issuedAt, @expiresAt, @doc, @periodEndsAt, @nodeId, @beneficiary, @kind) " +
            "RETURNING seq"))
        {
            seq = await insert
                .Bind("accountId", consumption.ConsumerAccountId)
                .Bind("region", consumption.Region)
                .Bind("token", consumption.Token)
                .Bind("licenseAccountId", consumption.LicenseAccountId)
                .Bind("licenseArn", consumption.LicenseArn)
                .Bind("issuedAt", consumption.IssuedAt)
                .Bind("expiresAt", consumption.ExpiresAt)
                .Bind("periodEndsAt", consumption.PeriodEndsAt)
                .Bind("nodeId", consumption.NodeId)
                .Bind("beneficiary", consumption.Beneficiary)
                .Bind("kind", consumption.Kind.ToString())
                .BindJson("doc", StorageJson.Serialize(ConsumptionDocument.From(consumption)))
                .CountAsync(ct); // the scalar RETURNING gives: the new row's seq, which its amounts reference
        }

        // What the totals sum: a row per limited entitlement taken (unlimited ones take 0 and need none).
        foreach (var taken in consumption.Entitlements.Where(e => e.Quantity > 0))
        {
            await using var amount = session.Prepare(
                "INSERT INTO license_consumption_amounts (consumption_seq, license_account_id, region, license_arn, name, license_version, lapses_at, quantity) " +
                "VALUES (@seq, @licenseAccountId, @region, @licenseArn, @name, @licenseVersion, @lapsesAt, @quantity)");
            await amount
                .Bind("seq", seq)
                .Bind("licenseAccountId", consumption.LicenseAccountId)
                .Bind("region", consumption.Region)
                .Bind("licenseArn", consumption.LicenseArn)
                .Bind("name", taken.Name)
                .Bind("licenseVersion", consumption.LicenseVersion)
                .Bind("lapsesAt", consumption.LapsesAt)
                .Bind("quantity", taken.Quantity)
                .ExecuteAsync(ct);
        }
    }

    /// <summary>
    /// Moves a check-out's expiry and, with it, the lapse instant its amounts are summed by; false if no row matched
    /// <paramref name="onlyIf"/> (a condition on the check-out, which may use @now).
    /// </summary>
    private static async Task<bool> MoveExpiryAsync(
        Session session, Scope consumer, string token, DateTimeOffset? expiresAt, string onlyIf, DateTimeOffset? now, CancellationToken ct)
    {
        long seq;
        DateTimeOffset? periodEndsAt;
        await using (var update = session.Prepare(
            $"UPDATE license_consumptions SET expires_at = @expiresAt WHERE account_id = @accountId AND region = @region AND token = @token{onlyIf} " +
            "RETURNING seq, period_ends_at"))
        {
            update.Bind("expiresAt", expiresAt).Bind("accountId", consumer.AccountId).Bind("region", consumer.Region).Bind("token", token);
            if (now is { } at)
            {
                update.Bind("now", at);
            }

            await using var reader = await update.ReadAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                return false;
            }

            seq = reader.GetInt64(0);
            periodEndsAt = reader.IsDBNull(1) ? null : session.ReadTimestamp(reader, 1);
        }

        await using var amounts = session.Prepare("UPDATE license_consumption_amounts SET lapses_at = @lapsesAt WHERE consumption_seq = @seq");
        await amounts.Bind("lapsesAt", LicenseConsumption.Lapse(expiresAt, periodEndsAt)).Bind("seq", seq).ExecuteAsync(ct);
        return true;
    }

    /// <summary>
    /// The totals in use, summed over the amounts' index. Active means lapses_at is null or later than now; the two
    /// halves are separate range scans because neither engine turns "IS NULL OR &gt;" into one (SQLite would scan
    /// every row of the name, lapsed ones included).
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, long>> SumActiveAsync(Session session, UsageQuery query, CancellationToken ct)
    {
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        if (query.Names.Count == 0)
        {
            return totals;
        }

        // The names are bound once as @n0, @n1, … and used by both halves.
        var names = string.Join(", ", query.Names.Select((_, i) => "@n" + i.ToString(CultureInfo.InvariantCulture)));
        var rows = "SELECT name, quantity FROM license_consumption_amounts WHERE license_account_id = @accountId AND region = @region " +
            $"AND license_arn = @licenseArn AND name IN ({names}) AND license_version >= @fromVersion";
        await using var select = session.Prepare(
            $"SELECT name, CAST(SUM(quantity) AS bigint) FROM ({rows} AND lapses_at IS NULL UNION ALL {rows} AND lapses_at > @now) active GROUP BY name");
        select.Bind("accountId", query.License.AccountId).Bind("region", query.License.Region).Bind("licenseArn", query.LicenseArn)
            .Bind("fromVersion", query.FromVersion).Bind("now", query.Now);
        for (var i = 0; i < query.Names.Count; i++)
        {
            select.Bind("n" + i.ToString(CultureInfo.InvariantCulture), query.Names[i]);
        }

        await using var reader = await select.ReadAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            totals[reader.GetString(0)] = reader.GetInt64(1);
        }

        return totals;
    }

    /// <summary>The node's active check-outs of this license, consumer, beneficiary and kind: the only candidates for node reuse.</summary>
    private static async Task<IReadOnlyList<LicenseConsumption>> ReadNodeHoldsAsync(Session session, UsageQuery license, NodeQuery node, CancellationToken ct)
    {
        var beneficiary = node.Beneficiary is null ? "beneficiary IS NULL" : "beneficiary = @beneficiary";
        await using var select = session.Prepare(
            $"SELECT {Columns} FROM license_consumptions WHERE license_account_id = @accountId AND region = @region AND license_arn = @licenseArn " +
            $"AND node_id = @nodeId AND account_id = @consumer AND {beneficiary} AND kind = @kind AND {ActiveAt} ORDER BY seq");
        select.Bind("accountId", license.License.AccountId).Bind("region", license.License.Region).Bind("licenseArn", license.LicenseArn)
            .Bind("nodeId", node.NodeId).Bind("consumer", node.ConsumerAccountId).Bind("kind", node.Kind.ToString()).Bind("now", license.Now);
        if (node.Beneficiary is not null)
        {
            select.Bind("beneficiary", node.Beneficiary);
        }

        await using var reader = await select.ReadAsync(ct);
        var list = new List<LicenseConsumption>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(Read(session, reader));
        }

        return list;
    }

    private static async Task<List<LicenseConsumption>> ReadActiveAsync(Session session, Scope license, string licenseArn, DateTimeOffset now, CancellationToken ct)
    {
        await using var select = session.Prepare(
            $"SELECT {Columns} FROM license_consumptions WHERE license_account_id = @accountId AND region = @region AND license_arn = @licenseArn " +
            $"AND {ActiveAt} ORDER BY seq");
        await using var reader = await select
            .Bind("accountId", license.AccountId).Bind("region", license.Region).Bind("licenseArn", licenseArn).Bind("now", now).ReadAsync(ct);
        var list = new List<LicenseConsumption>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(Read(session, reader));
        }

        return list;
    }

    private static LicenseConsumption Read(Session session, DbDataReader reader)
    {
        var doc = StorageJson.Deserialize<ConsumptionDocument>(reader.GetString(7));
        return new LicenseConsumption
        {
            ConsumerAccountId = reader.GetString(0),
            Region = reader.GetString(1),
            Token = reader.GetString(2),
            LicenseAccountId = reader.GetString(3),
            LicenseArn = reader.GetString(4),
            IssuedAt = session.ReadTimestamp(reader, 5),
            ExpiresAt = reader.IsDBNull(6) ? null : session.ReadTimestamp(reader, 6),
            PeriodEndsAt = reader.IsDBNull(8) ? null : session.ReadTimestamp(reader, 8),
            LicenseVersion = doc.LicenseVersion,
            Kind = Enum.Parse<CheckoutKind>(doc.Kind),
            Beneficiary = doc.Beneficiary,
            NodeId = doc.NodeId,
            Entitlements = [.. doc.Entitlements.Select(e => new ConsumedEntitlement(e.Name, e.Unit, e.Value, e.Quantity))],
            Metadata = [.. doc.Metadata.Select(m => new LicenseMetadata(m.Name, m.Value))],
        };
    }
}

/// <summary>The parts of a consumption that no query filters on. Kind is stored by its C# name (Provisional, Perpetual, Borrow).</summary>
internal sealed record ConsumptionDocument(
    long LicenseVersion,
    string Kind,
    string? Beneficiary,
    string? NodeId,
    IReadOnlyList<ConsumedEntitlementDocument> Entitlements,
    IReadOnlyList<ConsumptionMetadataDocument> Metadata)
{
    public static ConsumptionDocument From(LicenseConsumption c) => new(
        c.LicenseVersion,
        c.Kind.ToString(),
        c.Beneficiary,
        c.NodeId,
        [.. c.Entitlements.Select(e => new ConsumedEntitlementDocument(e.Name, e.Unit, e.Value, e.Quantity))],
        [.. c.Metadata.Select(m => new ConsumptionMetadataDocument(m.Name, m.Value))]);
}

internal sealed record ConsumedEntitlementDocument(string Name, string Unit, string? Value, long Quantity);

internal sealed record ConsumptionMetadataDocument(string Name, string Value);
