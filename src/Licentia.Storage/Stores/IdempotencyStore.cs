using Licentia.Core;
using Licentia.Core.Idempotency;
using Licentia.Storage.Db;

namespace Licentia.Storage.Stores;

internal sealed class IdempotencyStore(Database db) : IIdempotencyStore
{
    public async Task<IdempotencyRecord?> FindAsync(Scope scope, string operation, string clientToken, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        await using var select = session.Prepare(
            "SELECT operation, client_token, request_fingerprint, response_json, created_at FROM idempotency_records " +
            "WHERE account_id = @accountId AND region = @region AND operation = @operation AND client_token = @token");
        await using var reader = await select
            .Bind("accountId", scope.AccountId)
            .Bind("region", scope.Region)
            .Bind("operation", operation)
            .Bind("token", clientToken)
            .ReadAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new IdempotencyRecord(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            session.ReadTimestamp(reader, 4));
    }

    public async Task<bool> TryAddAsync(Scope scope, IdempotencyRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var session = await db.WriteAsync(ct);

        // The primary key decides the race between two requests with one token: the loser inserts nothing.
        await using var insert = session.Prepare(
            "INSERT INTO idempotency_records (account_id, region, operation, client_token, request_fingerprint, response_json, created_at) " +
            "VALUES (@accountId, @region, @operation, @token, @fingerprint, @response, @createdAt) ON CONFLICT DO NOTHING");
        var inserted = await insert
            .Bind("accountId", scope.AccountId)
            .Bind("region", scope.Region)
            .Bind("operation", record.Operation)
            .Bind("token", record.ClientToken)
            .Bind("fingerprint", record.RequestFingerprint)
            .Bind("response", record.ResponseJson)
            .Bind("createdAt", record.CreatedAt)
            .ExecuteAsync(ct);
        await session.CommitAsync(ct);
        return inserted == 1;
    }

    /// <summary>Deliberately unscoped: expiry is a housekeeping job over every account and region.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var session = await db.WriteAsync(ct);
        await using var delete = session.Prepare("DELETE FROM idempotency_records WHERE created_at < @cutoff");
        var deleted = await delete.Bind("cutoff", cutoff).ExecuteAsync(ct);
        await session.CommitAsync(ct);
        return deleted;
    }
}
