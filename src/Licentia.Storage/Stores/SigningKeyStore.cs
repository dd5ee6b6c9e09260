using System.Data.Common;
using Licentia.Core;
using Licentia.Core.Keys;
using Licentia.Core.Tagging;
using Licentia.Storage.Db;
using Licentia.Storage.Documents;

namespace Licentia.Storage.Stores;

internal sealed class SigningKeyStore(Database db) : ISigningKeyStore
{
    private const string Columns = "id, arn, account_id, region, key_spec, created_at, public_key, encrypted_private_key, doc";

    private const string ScopeFilter = "account_id = @accountId AND region = @region";

    public async Task<bool> TryInsertAsync(SigningKey key, IReadOnlyList<Tag> tags, int maxPerScope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(tags);
        var scope = key.Scope;
        await using var session = await db.WriteAsync(ct);

        // Count and insert under one lock per scope: two creators cannot both see the last free slot.
        await session.LockAsync(QuotaLock(scope), ct);
        await using (var count = session.Prepare($"SELECT COUNT(*) FROM signing_keys WHERE {ScopeFilter}"))
        {
            if (await count.Bind("accountId", scope.AccountId).Bind("region", scope.Region).CountAsync(ct) >= maxPerScope)
            {
                return false;
            }
        }

        await using (var insert = session.Prepare(
            "INSERT INTO signing_keys (account_id, region, id, arn, key_spec, created_at, public_key, encrypted_private_key, doc) " +
            "VALUES (@accountId, @region, @id, @arn, @keySpec, @createdAt, @publicKey, @encryptedPrivateKey, @doc)"))
        {
            await insert
                .Bind("accountId", key.AccountId)
                .Bind("region", key.Region)
                .Bind("id", key.Id)
                .Bind("arn", key.Arn)
                .Bind("keySpec", StoredKeySpecs.Of(key.Spec))
                .Bind("createdAt", key.CreatedAt)
                .Bind("publicKey", key.PublicKey.ToArray())
                .Bind("encryptedPrivateKey", key.EncryptedPrivateKey.ToArray())
                .BindJson("doc", StorageJson.Serialize(SigningKeyDocument.From(key)))
                .ExecuteAsync(ct);
        }

        await TagRows.UpsertAsync(session, scope, key.Arn, tags, ct);
        await session.CommitAsync(ct);
        return true;
    }

    public async Task<SigningKey?> FindAsync(Scope scope, string keyId, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        await using var select = session.Prepare($"SELECT {Columns} FROM signing_keys WHERE {ScopeFilter} AND id = @id");
        await using var reader = await select
            .Bind("accountId", scope.AccountId)
            .Bind("region", scope.Region)
            .Bind("id", keyId)
            .ReadAsync(ct);
        return await reader.ReadAsync(ct) ? Read(session, reader) : null;
    }

    // Same shape as the names in LockNames: scope, kind, resource, joined by NUL.
    private static string QuotaLock(Scope scope) => string.Join('\0', scope.AccountId, scope.Region, "signing-keys", string.Empty);

    private static SigningKey Read(Session session, DbDataReader reader)
    {
        var doc = StorageJson.Deserialize<SigningKeyDocument>(reader.GetString(8));
        return new SigningKey
        {
            Id = reader.GetString(0),
            Arn = reader.GetString(1),
            AccountId = reader.GetString(2),
            Region = reader.GetString(3),
            Spec = StoredKeySpecs.Parse(reader.GetString(4)),
            CreatedAt = session.ReadTimestamp(reader, 5),
            PublicKey = reader.GetFieldValue<byte[]>(6),
            EncryptedPrivateKey = reader.GetFieldValue<byte[]>(7),
            Description = doc.Description,
        };
    }
}
