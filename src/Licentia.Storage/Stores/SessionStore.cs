using System.Data.Common;
using Licentia.Core.Sessions;
using Licentia.Storage.Db;
using Licentia.Storage.Documents;

namespace Licentia.Storage.Stores;

/// <summary>Temporary credentials by access key id; ids are global (like account access keys), not scoped.</summary>
internal sealed class SessionStore(Database db) : ISessionStore
{
    private const string Columns =
        "access_key_id, account_id, region, token_id, created_at, expires_at, encrypted_secret, encrypted_session_token, doc";

    public async Task InsertAsync(SessionCredential session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var write = await db.WriteAsync(ct);
        await using (var insert = write.Prepare(
            $"INSERT INTO sts_sessions ({Columns}) VALUES (@accessKeyId, @accountId, @region, @tokenId, @createdAt, @expiresAt, " +
            "@encryptedSecret, @encryptedSessionToken, @doc)"))
        {
            await insert
                .Bind("accessKeyId", session.AccessKeyId)
                .Bind("accountId", session.AccountId)
                .Bind("region", session.Region)
                .Bind("tokenId", session.TokenId)
                .Bind("createdAt", session.CreatedAt)
                .Bind("expiresAt", session.ExpiresAt)
                .Bind("encryptedSecret", session.EncryptedSecretAccessKey.ToArray())
                .Bind("encryptedSessionToken", session.EncryptedSessionToken.ToArray())
                .BindJson("doc", StorageJson.Serialize(SessionDocument.From(session)))
                .ExecuteAsync(ct);
        }

        await write.CommitAsync(ct);
    }

    public async Task<SessionCredential?> FindAsync(string accessKeyId, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        await using var select = session.Prepare($"SELECT {Columns} FROM sts_sessions WHERE access_key_id = @accessKeyId");
        await using var reader = await select.Bind("accessKeyId", accessKeyId).ReadAsync(ct);
        return await reader.ReadAsync(ct) ? Read(session, reader) : null;
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset before, CancellationToken ct)
    {
        await using var session = await db.WriteAsync(ct);
        int removed;
        await using (var delete = session.Prepare("DELETE FROM sts_sessions WHERE expires_at < @before"))
        {
            removed = await delete.Bind("before", before).ExecuteAsync(ct);
        }

        await session.CommitAsync(ct);
        return removed;
    }

    private static SessionCredential Read(Session session, DbDataReader reader)
    {
        var doc = StorageJson.Deserialize<SessionDocument>(reader.GetString(8));
        return new SessionCredential
        {
            AccessKeyId = reader.GetString(0),
            AccountId = reader.GetString(1),
            Region = reader.GetString(2),
            TokenId = reader.GetString(3),
            CreatedAt = session.ReadTimestamp(reader, 4),
            ExpiresAt = session.ReadTimestamp(reader, 5),
            EncryptedSecretAccessKey = reader.GetFieldValue<byte[]>(6),
            EncryptedSessionToken = reader.GetFieldValue<byte[]>(7),
            RoleArn = doc.RoleArn,
            RoleSessionName = doc.RoleSessionName,
            AssumedRoleArn = doc.AssumedRoleArn,
            AssumedRoleId = doc.AssumedRoleId,
        };
    }
}
