using System.Data.Common;
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

    public async Task<LicenseConsumption> CheckOutAsync(
        Scope license, string licenseArn, DateTimeOffset now, Func<IReadOnlyList<LicenseConsumption>, LicenseConsumption> decide, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(decide);
        await using var session = await db.WriteAsync(ct);

        // One serialized transaction per license, on every node: read, decide and insert under the license's lock,
        // so two check-outs never count from the same total.
        await session.LockAsync(string.Join('\0', "license", license.Region, "consumption", licenseArn), ct);
        var active = await ReadActiveAsync(session, license, licenseArn, now, ct);
        var consumption = decide(active);
        if (active.Any(a => a.Token == consumption.Token))
        {
            // The decision kept a consumption the node already holds: only its expiry moves.
            await using var renew = session.Prepare(
                "UPDATE license_consumptions SET expires_at = @expiresAt WHERE account_id = @accountId AND region = @region AND token = @token");
            await renew
                .Bind("expiresAt", consumption.ExpiresAt).Bind("accountId", consumption.ConsumerAccountId).Bind("region", consumption.Region)
                .Bind("token", consumption.Token)
                .ExecuteAsync(ct);
        }
        else
        {
            await using var insert = session.Prepare(
                $"INSERT INTO license_consumptions ({Columns}) VALUES (@accountId, @region, @token, @licenseAccountId, @licenseArn, @issuedAt, @expiresAt, @doc, @periodEndsAt)");
            await insert
                .Bind("accountId", consumption.ConsumerAccountId)
                .Bind("region", consumption.Region)
                .Bind("token", consumption.Token)
                .Bind("licenseAccountId", consumption.LicenseAccountId)
                .Bind("licenseArn", consumption.LicenseArn)
                .Bind("issuedAt", consumption.IssuedAt)
                .Bind("expiresAt", consumption.ExpiresAt)
                .Bind("periodEndsAt", consumption.PeriodEndsAt)
                .BindJson("doc", StorageJson.Serialize(ConsumptionDocument.From(consumption)))
                .ExecuteAsync(ct);
        }

        await session.CommitAsync(ct);
        return consumption with
        {
            IssuedAt = StoredTime.Normalize(consumption.IssuedAt),
            ExpiresAt = consumption.ExpiresAt is { } e ? StoredTime.Normalize(e) : null,
            PeriodEndsAt = consumption.PeriodEndsAt is { } p ? StoredTime.Normalize(p) : null,
        };
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
        await using var delete = session.Prepare(
            $"DELETE FROM license_consumptions WHERE account_id = @accountId AND region = @region AND token = @token AND {ActiveAt}");
        var deleted = await delete.Bind("accountId", consumer.AccountId).Bind("region", consumer.Region).Bind("token", token).Bind("now", now).ExecuteAsync(ct);
        await session.CommitAsync(ct);
        return deleted == 1;
    }

    public async Task<bool> TryExtendAsync(Scope consumer, string token, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken ct)
    {
        await using var session = await db.WriteAsync(ct);
        await using var update = session.Prepare(
            "UPDATE license_consumptions SET expires_at = @expiresAt " +
            $"WHERE account_id = @accountId AND region = @region AND token = @token AND expires_at IS NOT NULL AND {ActiveAt}");
        var updated = await update
            .Bind("expiresAt", expiresAt).Bind("accountId", consumer.AccountId).Bind("region", consumer.Region).Bind("token", token).Bind("now", now)
            .ExecuteAsync(ct);
        await session.CommitAsync(ct);
        return updated == 1;
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
        await using var delete = session.Prepare(
            "DELETE FROM license_consumptions WHERE seq IN (SELECT seq FROM license_consumptions " +
            "WHERE expires_at < @before OR period_ends_at < @before ORDER BY seq LIMIT @take)");
        var purged = await delete.Bind("before", lapsedBefore).Bind("take", (long)batchSize).ExecuteAsync(ct);
        await session.CommitAsync(ct);
        return purged;
    }

    public Task<IAsyncDisposable?> TryAcquireJobLockAsync(string jobName, CancellationToken ct) => db.TryAcquireJobLockAsync(jobName, ct);

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
