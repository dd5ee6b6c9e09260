using Licentia.Core;
using Licentia.Core.Tagging;
using Licentia.Storage.Db;

namespace Licentia.Storage.Stores;

/// <summary>Tag statements shared by the tag store and the stores that write tags with their resource.</summary>
internal static class TagRows
{
    public static async Task UpsertAsync(Session session, Scope scope, string resourceArn, IReadOnlyList<Tag> tags, CancellationToken ct)
    {
        foreach (var tag in tags)
        {
            await using var upsert = session.Prepare(
                "INSERT INTO tags (account_id, region, resource_arn, tag_key, tag_value) " +
                "VALUES (@accountId, @region, @arn, @key, @value) " +
                "ON CONFLICT (account_id, region, resource_arn, tag_key) DO UPDATE SET tag_value = excluded.tag_value");
            await upsert
                .Bind("accountId", scope.AccountId)
                .Bind("region", scope.Region)
                .Bind("arn", resourceArn)
                .Bind("key", tag.Key)
                .Bind("value", tag.Value)
                .ExecuteAsync(ct);
        }
    }

    public static async Task DeleteAllAsync(Session session, Scope scope, string resourceArn, CancellationToken ct)
    {
        await using var delete = session.Prepare(
            "DELETE FROM tags WHERE account_id = @accountId AND region = @region AND resource_arn = @arn");
        await delete
            .Bind("accountId", scope.AccountId)
            .Bind("region", scope.Region)
            .Bind("arn", resourceArn)
            .ExecuteAsync(ct);
    }
}
