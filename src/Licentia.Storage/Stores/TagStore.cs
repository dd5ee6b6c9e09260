using Licentia.Core;
using Licentia.Core.Tagging;
using Licentia.Storage.Db;

namespace Licentia.Storage.Stores;

internal sealed class TagStore(Database db) : ITagStore
{
    public async Task<IReadOnlyList<Tag>> ListAsync(Scope scope, string resourceArn, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        return await ListAsync(session, scope, resourceArn, ct);
    }

    public async Task<bool> TryPutAsync(Scope scope, string resourceArn, IReadOnlyList<Tag> tags, int maxTagsPerResource, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tags);
        await using var session = await db.WriteAsync(ct);

        // Without the lock two concurrent puts of different new keys could each see room for theirs.
        await session.LockAsync(LockNames.ResourceTags(scope, resourceArn), ct);

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var existing in await ListAsync(session, scope, resourceArn, ct))
        {
            keys.Add(existing.Key);
        }

        foreach (var tag in tags)
        {
            keys.Add(tag.Key);
        }

        if (keys.Count > maxTagsPerResource)
        {
            return false;
        }

        await TagRows.UpsertAsync(session, scope, resourceArn, tags, ct);
        await session.CommitAsync(ct);
        return true;
    }

    public async Task RemoveAsync(Scope scope, string resourceArn, IReadOnlyList<string> keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var session = await db.WriteAsync(ct);
        foreach (var key in keys)
        {
            await using var delete = session.Prepare(
                "DELETE FROM tags WHERE account_id = @accountId AND region = @region AND resource_arn = @arn AND tag_key = @key");
            await delete
                .Bind("accountId", scope.AccountId)
                .Bind("region", scope.Region)
                .Bind("arn", resourceArn)
                .Bind("key", key)
                .ExecuteAsync(ct);
        }

        await session.CommitAsync(ct);
    }

    private static async Task<IReadOnlyList<Tag>> ListAsync(Session session, Scope scope, string resourceArn, CancellationToken ct)
    {
        // tag_key compares bytewise on both engines (BINARY in SQLite, COLLATE "C" in PostgreSQL): one order everywhere.
        await using var select = session.Prepare(
            "SELECT tag_key, tag_value FROM tags WHERE account_id = @accountId AND region = @region AND resource_arn = @arn " +
            "ORDER BY tag_key");
        await using var reader = await select
            .Bind("accountId", scope.AccountId)
            .Bind("region", scope.Region)
            .Bind("arn", resourceArn)
            .ReadAsync(ct);
        var tags = new List<Tag>();
        while (await reader.ReadAsync(ct))
        {
            tags.Add(new Tag(reader.GetString(0), reader.GetString(1)));
        }

        return tags;
    }
}
