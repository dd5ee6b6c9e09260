using System.Data.Common;
using Licentia.Core.Accounts;
using Licentia.Storage.Db;

namespace Licentia.Storage.Stores;

/// <summary>Accounts and access keys: global tables, the only ones without a region.</summary>
internal sealed class AccountStore(Database db) : IAccountStore
{
    private const string AccountColumns = "account_id, name, created_at";

    public async Task<bool> TryCreateAsync(Account account, AccessKeyRecord firstKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(firstKey);
        if (firstKey.AccountId != account.AccountId)
        {
            throw new ArgumentException("The first access key must belong to the new account.", nameof(firstKey));
        }

        await using var session = await db.WriteAsync(ct);

        // DO NOTHING without a conflict target covers both unique columns, id and name.
        await using (var insert = session.Prepare(
            "INSERT INTO accounts (account_id, name, created_at) VALUES (@id, @name, @createdAt) ON CONFLICT DO NOTHING"))
        {
            var inserted = await insert
                .Bind("id", account.AccountId)
                .Bind("name", account.Name)
                .Bind("createdAt", account.CreatedAt)
                .ExecuteAsync(ct);
            if (inserted == 0)
            {
                return false;
            }
        }

        if (!await TryInsertKeyAsync(session, firstKey, ct))
        {
            return false;
        }

        await session.CommitAsync(ct);
        return true;
    }

    public async Task<Account?> FindAsync(string accountId, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        await using var select = session.Prepare($"SELECT {AccountColumns} FROM accounts WHERE account_id = @id");
        return await ReadSingleAsync(session, select.Bind("id", accountId), ct);
    }

    public async Task<Account?> FindByNameAsync(string name, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        await using var select = session.Prepare($"SELECT {AccountColumns} FROM accounts WHERE name = @name");
        return await ReadSingleAsync(session, select.Bind("name", name), ct);
    }

    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        await using var select = session.Prepare($"SELECT {AccountColumns} FROM accounts ORDER BY seq");
        await using var reader = await select.ReadAsync(ct);
        var accounts = new List<Account>();
        while (await reader.ReadAsync(ct))
        {
            accounts.Add(ReadAccount(session, reader));
        }

        return accounts;
    }

    public async Task AddAccessKeyAsync(AccessKeyRecord key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var session = await db.WriteAsync(ct);
        if (!await TryInsertKeyAsync(session, key, ct))
        {
            throw new InvalidOperationException($"Access key {key.AccessKeyId} exists already.");
        }

        await session.CommitAsync(ct);
    }

    public async Task<AccessKeyRecord?> FindAccessKeyAsync(string accessKeyId, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        await using var select = session.Prepare(
            "SELECT access_key_id, account_id, encrypted_secret, created_at FROM access_keys WHERE access_key_id = @id");
        await using var reader = await select.Bind("id", accessKeyId).ReadAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new AccessKeyRecord(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetFieldValue<byte[]>(2),
            session.ReadTimestamp(reader, 3));
    }

    private static async Task<bool> TryInsertKeyAsync(Session session, AccessKeyRecord key, CancellationToken ct)
    {
        // Only the encrypted secret reaches the database; the plaintext never leaves ISecretProtector's caller.
        await using var insert = session.Prepare(
            "INSERT INTO access_keys (access_key_id, account_id, encrypted_secret, created_at) " +
            "VALUES (@id, @accountId, @secret, @createdAt) ON CONFLICT DO NOTHING");
        var inserted = await insert
            .Bind("id", key.AccessKeyId)
            .Bind("accountId", key.AccountId)
            .Bind("secret", key.EncryptedSecret)
            .Bind("createdAt", key.CreatedAt)
            .ExecuteAsync(ct);
        return inserted == 1;
    }

    private static async Task<Account?> ReadSingleAsync(Session session, Statement select, CancellationToken ct)
    {
        await using var reader = await select.ReadAsync(ct);
        return await reader.ReadAsync(ct) ? ReadAccount(session, reader) : null;
    }

    private static Account ReadAccount(Session session, DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), session.ReadTimestamp(reader, 2));
}
