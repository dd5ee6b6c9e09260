using System.Data.Common;
using System.Globalization;
using System.Text;
using Licentia.Core;
using Licentia.Core.Entitlements.Grants;
using Licentia.Core.Errors;
using Licentia.Core.Paging;
using Licentia.Core.Tagging;
using Licentia.Storage.Db;
using Licentia.Storage.Documents;

namespace Licentia.Storage.Stores;

internal sealed class GrantStore(Database db) : IGrantStore
{
    internal const string Columns =
        "seq, account_id, region, id, arn, license_arn, parent_arn, grantee_principal, grantee_account_id, created_at, doc";

    private const string GrantorScope = "account_id = @accountId AND region = @region";

    private const string GranteeScope = "grantee_account_id = @accountId AND region = @region";

    /// <summary>Statuses that no longer count towards the per-license quota, as stored.</summary>
    private static readonly string[] FinalStatuses = [.. GrantTransitions.Final.Select(GrantStatusNames.ToWire)];

    public async Task<bool> TryInsertAsync(Grant grant, IReadOnlyList<Tag> tags, int maxLivePerLicense, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(tags);
        await using var session = await db.WriteAsync(ct);

        // Count and insert under one lock per license: grantors in different accounts (issuer and redistributors)
        // share the license's quota, so the lock is named after the license, not the grantor's scope.
        await session.LockAsync(GrantsLock(grant.Region, grant.LicenseArn), ct);

        // DeleteLicense deletes the grants under the same lock: a grant racing it must not outlive the license.
        await using (var deleted = session.Prepare("SELECT 1 FROM licenses WHERE region = @region AND arn = @licenseArn AND deleted_at IS NOT NULL"))
        {
            if (await deleted.Bind("region", grant.Region).Bind("licenseArn", grant.LicenseArn).ExistsAsync(ct))
            {
                throw new ValidationException($"License '{grant.LicenseArn}' is deleted; it cannot be granted any more.");
            }
        }

        var count = new StringBuilder("SELECT COUNT(*) FROM grants WHERE region = @region AND license_arn = @licenseArn AND status NOT IN (");
        for (var i = 0; i < FinalStatuses.Length; i++)
        {
            count.Append(i == 0 ? "@f" : ", @f").Append(i.ToString(CultureInfo.InvariantCulture));
        }

        await using (var counting = session.Prepare(count.Append(')').ToString()))
        {
            counting.Bind("region", grant.Region).Bind("licenseArn", grant.LicenseArn);
            for (var i = 0; i < FinalStatuses.Length; i++)
            {
                counting.Bind("f" + i.ToString(CultureInfo.InvariantCulture), FinalStatuses[i]);
            }

            if (await counting.CountAsync(ct) >= maxLivePerLicense)
            {
                return false;
            }
        }

        await using (var insert = session.Prepare(
            "INSERT INTO grants (account_id, region, id, arn, license_arn, parent_arn, grantee_principal, grantee_account_id, status, version, " +
            "created_at, doc) VALUES (@accountId, @region, @id, @arn, @licenseArn, @parentArn, @principal, @granteeAccountId, @status, @version, " +
            "@createdAt, @doc)"))
        {
            await BindMutable(insert, grant)
                .Bind("arn", grant.Arn)
                .Bind("licenseArn", grant.LicenseArn)
                .Bind("parentArn", grant.ParentArn)
                .Bind("principal", grant.GranteePrincipalArn)
                .Bind("granteeAccountId", grant.GranteeAccountId)
                .Bind("createdAt", grant.CreatedAt)
                .ExecuteAsync(ct);
        }

        await TagRows.UpsertAsync(session, grant.Scope, grant.Arn, tags, ct);
        await session.CommitAsync(ct);
        return true;
    }

    /// <summary>The lock that serializes the grants of one license: CreateGrant's quota count and DeleteLicense's cascade.</summary>
    internal static string GrantsLock(string region, string licenseArn) => string.Join('\0', "license", region, "grants", licenseArn);

    /// <summary>Replaces a grant inside the caller's transaction if its version is still <paramref name="expectedVersion"/>.</summary>
    internal static async Task<bool> UpdateAsync(Session session, Grant grant, long expectedVersion, CancellationToken ct)
    {
        await using var update = session.Prepare(
            $"UPDATE grants SET status = @status, version = @version, doc = @doc WHERE {GrantorScope} AND id = @id AND version = @expectedVersion");
        return await BindMutable(update, grant).Bind("expectedVersion", expectedVersion).ExecuteAsync(ct) == 1;
    }

    public Task<Grant?> FindAsync(Scope grantor, string id, CancellationToken ct) => FindAsync(GrantorScope, grantor, id, ct);

    public Task<Grant?> FindReceivedAsync(Scope grantee, string id, CancellationToken ct) => FindAsync(GranteeScope, grantee, id, ct);

    public Task<Page<Grant>> ListDistributedAsync(Scope grantor, GrantQuery query, CancellationToken ct) => ListAsync(GrantorScope, grantor, query, ct);

    public Task<Page<Grant>> ListReceivedAsync(Scope grantee, GrantQuery query, CancellationToken ct) => ListAsync(GranteeScope, grantee, query, ct);

    public async Task<bool> TryUpdateAsync(Grant grant, long expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(grant);
        await using var session = await db.WriteAsync(ct);
        var updated = await UpdateAsync(session, grant, expectedVersion, ct);
        await session.CommitAsync(ct);
        return updated;
    }

    private async Task<Grant?> FindAsync(string scopeFilter, Scope scope, string id, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        await using var select = session.Prepare($"SELECT {Columns} FROM grants WHERE {scopeFilter} AND id = @id");
        await using var reader = await select.Bind("accountId", scope.AccountId).Bind("region", scope.Region).Bind("id", id).ReadAsync(ct);
        return await reader.ReadAsync(ct) ? Read(session, reader) : null;
    }

    private async Task<Page<Grant>> ListAsync(string scopeFilter, Scope scope, GrantQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        await using var session = await db.ReadAsync(ct);
        var builder = new QueryBuilder($"SELECT {Columns} FROM grants WHERE 1 = 1")
            .And(scopeFilter, ("accountId", scope.AccountId), ("region", scope.Region))
            .In("id", query.Ids)
            .In("license_arn", query.LicenseArns)
            .In("status", query.Statuses, s => GrantStatusNames.ToWire(s))
            .In("grantee_principal", query.GranteePrincipalArns)
            .In("account_id", query.GrantorAccountIds);
        LicenseMember(builder, "product_sku", "sku", query.ProductSkus);
        LicenseMember(builder, "issuer_name", "issuer", query.IssuerNames);
        await using var statement = builder.Page(session, query.After, query.Limit, postFiltered: false);
        return await QueryBuilder.ReadPageAsync(statement, query.Limit, reader => Read(session, reader), null, ct);
    }

    // ProductSKU and LicenseIssuerName are members of the granted license's current version: matched on its row.
    private static void LicenseMember(QueryBuilder builder, string column, string prefix, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        var distinct = values.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            builder.And("1 = 0");
            return;
        }

        var names = distinct.Select((_, i) => prefix + i.ToString(CultureInfo.InvariantCulture)).ToList();
        builder.And(
            $"EXISTS (SELECT 1 FROM licenses l WHERE l.region = grants.region AND l.arn = grants.license_arn AND l.{column} IN (@{string.Join(", @", names)}))",
            [.. names.Zip(distinct, (name, value) => (name, (object?)value))]);
    }

    private static Statement BindMutable(Statement statement, Grant grant) => statement
        .Bind("accountId", grant.AccountId)
        .Bind("region", grant.Region)
        .Bind("id", grant.Id)
        .Bind("status", GrantStatusNames.ToWire(grant.Status))
        .Bind("version", grant.Version)
        .BindJson("doc", StorageJson.Serialize(GrantDocument.From(grant)));

    internal static Grant Read(Session session, DbDataReader reader) => new()
    {
        AccountId = reader.GetString(1),
        Region = reader.GetString(2),
        Id = reader.GetString(3),
        Arn = reader.GetString(4),
        LicenseArn = reader.GetString(5),
        ParentArn = reader.GetString(6),
        GranteePrincipalArn = reader.GetString(7),
        GranteeAccountId = reader.IsDBNull(8) ? null : reader.GetString(8),
        CreatedAt = session.ReadTimestamp(reader, 9),
        Versions = StorageJson.Deserialize<GrantDocument>(reader.GetString(10)).ToDomain(),
    };
}
