using System.Data.Common;
using Licentia.Core;
using Licentia.Core.Paging;
using Licentia.Core.Tokens;
using Licentia.Storage.Db;
using Licentia.Storage.Documents;

namespace Licentia.Storage.Stores;

internal sealed class TokenStore(Database db) : ITokenStore
{
    private const string Columns = "seq, account_id, region, id, token_hash, license_arn, created_at, expires_at, deleted_at, doc";

    private const string ScopeFilter = "account_id = @accountId AND region = @region";

    public async Task InsertAsync(LicenseToken token, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var session = await db.WriteAsync(ct);
        await using (var insert = session.Prepare(
            "INSERT INTO license_tokens (account_id, region, id, token_hash, license_arn, created_at, expires_at, deleted_at, doc) " +
            "VALUES (@accountId, @region, @id, @tokenHash, @licenseArn, @createdAt, @expiresAt, @deletedAt, @doc)"))
        {
            await insert
                .Bind("accountId", token.AccountId)
                .Bind("region", token.Region)
                .Bind("id", token.TokenId)
                .Bind("tokenHash", token.TokenHash)
                .Bind("licenseArn", token.LicenseArn)
                .Bind("createdAt", token.CreatedAt)
                .Bind("expiresAt", token.ExpiresAt)
                .Bind("deletedAt", token.DeletedAt)
                .BindJson("doc", StorageJson.Serialize(TokenDocument.From(token)))
                .ExecuteAsync(ct);
        }

        await session.CommitAsync(ct);
    }

    public async Task<LicenseToken?> FindAsync(Scope scope, string tokenId, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        await using var select = session.Prepare($"SELECT {Columns} FROM license_tokens WHERE {ScopeFilter} AND id = @id");
        await using var reader = await select
            .Bind("accountId", scope.AccountId)
            .Bind("region", scope.Region)
            .Bind("id", tokenId)
            .ReadAsync(ct);
        return await reader.ReadAsync(ct) ? Read(session, reader) : null;
    }

    public async Task<bool> MarkDeletedAsync(Scope scope, string tokenId, DateTimeOffset at, CancellationToken ct)
    {
        await using var session = await db.WriteAsync(ct);
        int updated;
        await using (var update = session.Prepare(
            $"UPDATE license_tokens SET deleted_at = @at WHERE {ScopeFilter} AND id = @id AND deleted_at IS NULL"))
        {
            updated = await update
                .Bind("at", at)
                .Bind("accountId", scope.AccountId)
                .Bind("region", scope.Region)
                .Bind("id", tokenId)
                .ExecuteAsync(ct);
        }

        await session.CommitAsync(ct);
        return updated == 1;
    }

    public async Task<Page<LicenseToken>> ListAsync(
        Scope scope, IReadOnlyList<string>? tokenIds, IReadOnlyList<string>? licenseArns, string? cursor, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var session = await db.ReadAsync(ct);
        var builder = new QueryBuilder($"SELECT {Columns} FROM license_tokens WHERE {ScopeFilter}")
            .And("1 = 1", ("accountId", scope.AccountId), ("region", scope.Region))
            .In("id", tokenIds)
            .In("license_arn", licenseArns);
        await using var statement = builder.Page(session, cursor, limit, postFiltered: false);
        return await QueryBuilder.ReadPageAsync(statement, limit, reader => Read(session, reader), keep: null, ct);
    }

    private static LicenseToken Read(Session session, DbDataReader reader)
    {
        var doc = StorageJson.Deserialize<TokenDocument>(reader.GetString(9));
        return new LicenseToken
        {
            AccountId = reader.GetString(1),
            Region = reader.GetString(2),
            TokenId = reader.GetString(3),
            TokenHash = reader.GetString(4),
            LicenseArn = reader.GetString(5),
            CreatedAt = session.ReadTimestamp(reader, 6),
            ExpiresAt = session.ReadTimestamp(reader, 7),
            DeletedAt = reader.IsDBNull(8) ? null : session.ReadTimestamp(reader, 8),
            RoleArns = doc.RoleArns,
            TokenProperties = doc.TokenProperties,
        };
    }
}
