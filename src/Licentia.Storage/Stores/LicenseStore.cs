using System.Data.Common;
using Licentia.Core;
using Licentia.Core.Entitlements.Grants;
using Licentia.Core.Entitlements.Licenses;
using Licentia.Core.Paging;
using Licentia.Core.Tagging;
using Licentia.Storage.Db;
using Licentia.Storage.Documents;

namespace Licentia.Storage.Stores;

internal sealed class LicenseStore(Database db) : ILicenseStore
{
    private const string Columns =
        "seq, account_id, region, id, arn, created_at, deleted_at, deletion_date, doc";

    private const string ScopeFilter = "account_id = @accountId AND region = @region";

    public async Task InsertAsync(License license, IReadOnlyList<Tag> tags, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(license);
        ArgumentNullException.ThrowIfNull(tags);
        await using var session = await db.WriteAsync(ct);
        await using (var insert = session.Prepare(
            "INSERT INTO licenses (account_id, region, id, arn, version, beneficiary, product_sku, issuer_name, fingerprint, " +
            "created_at, deleted_at, deletion_date, doc) VALUES (@accountId, @region, @id, @arn, @version, @beneficiary, @productSku, " +
            "@issuerName, @fingerprint, @createdAt, @deletedAt, @deletionDate, @doc)"))
        {
            await BindMutable(insert, license).Bind("arn", license.Arn).Bind("createdAt", license.CreatedAt).ExecuteAsync(ct);
        }

        await TagRows.UpsertAsync(session, license.Scope, license.Arn, tags, ct);
        await session.CommitAsync(ct);
    }

    public async Task<License?> FindAsync(Scope scope, string id, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        await using var select = session.Prepare($"SELECT {Columns} FROM licenses WHERE {ScopeFilter} AND id = @id");
        await using var reader = await select.Bind("accountId", scope.AccountId).Bind("region", scope.Region).Bind("id", id).ReadAsync(ct);
        return await reader.ReadAsync(ct) ? Read(session, reader) : null;
    }

    public Task<Page<License>> ListAsync(Scope scope, LicenseQuery query, CancellationToken ct) =>
        ListAsync($"SELECT {Columns} FROM licenses WHERE {ScopeFilter}", scope, query, ct);

    // The grantee's scope: licenses of its Region on which a grant names its account (whatever the grant's status).
    public Task<Page<License>> ListReceivedAsync(Scope grantee, LicenseQuery query, CancellationToken ct) =>
        ListAsync(
            $"SELECT {Columns} FROM licenses WHERE region = @region AND EXISTS (SELECT 1 FROM grants g " +
            "WHERE g.grantee_account_id = @accountId AND g.region = licenses.region AND g.license_arn = licenses.arn)",
            grantee, query, ct);

    public async Task<bool> TryUpdateAsync(License license, long expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(license);
        await using var session = await db.WriteAsync(ct);
        var updated = await UpdateAsync(session, license, expectedVersion, ct);
        await session.CommitAsync(ct);
        return updated;
    }

    public async Task<bool> TryDeleteAsync(License deleted, long expectedVersion, Func<Grant, Grant> endGrant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deleted);
        ArgumentNullException.ThrowIfNull(endGrant);
        await using var session = await db.WriteAsync(ct);

        // The grants lock first, as CreateGrant takes it: no grant can be created between the deletion and the cascade.
        await session.LockAsync(GrantStore.GrantsLock(deleted.Region, deleted.Arn), ct);
        if (!await UpdateAsync(session, deleted, expectedVersion, ct))
        {
            return false;
        }

        // Every grantor's grants of the license (the issuer's and redistributed ones), by the (region, license_arn) index.
        var grants = new List<Grant>();
        await using (var select = session.Prepare($"SELECT {GrantStore.Columns} FROM grants WHERE region = @region AND license_arn = @licenseArn ORDER BY seq"))
        {
            await using var reader = await select.Bind("region", deleted.Region).Bind("licenseArn", deleted.Arn).ReadAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                grants.Add(GrantStore.Read(session, reader));
            }
        }

        foreach (var grant in grants)
        {
            var ended = endGrant(grant);
            if (ended.Version != grant.Version && !await GrantStore.UpdateAsync(session, ended, grant.Version, ct))
            {
                return false;
            }
        }

        await session.CommitAsync(ct);
        return true;
    }

    // The version test and the write are one statement: of two writers holding one version exactly one wins, and a
    // deleted license (read-only) matches no writer. ARN and creation time never change.
    private static async Task<bool> UpdateAsync(Session session, License license, long expectedVersion, CancellationToken ct)
    {
        await using var update = session.Prepare(
            "UPDATE licenses SET version = @version, beneficiary = @beneficiary, product_sku = @productSku, issuer_name = @issuerName, " +
            "fingerprint = @fingerprint, deleted_at = @deletedAt, deletion_date = @deletionDate, doc = @doc " +
            $"WHERE {ScopeFilter} AND id = @id AND version = @expectedVersion AND deleted_at IS NULL");
        return await BindMutable(update, license).Bind("expectedVersion", expectedVersion).ExecuteAsync(ct) == 1;
    }

    private async Task<Page<License>> ListAsync(string select, Scope scope, LicenseQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        await using var session = await db.ReadAsync(ct);
        var builder = new QueryBuilder(select)
            .And("(deletion_date IS NULL OR deletion_date > @at)", ("accountId", scope.AccountId), ("region", scope.Region), ("at", query.At))
            .In("id", query.Ids)
            .In("beneficiary", query.Beneficiaries)
            .In("product_sku", query.ProductSkus)
            .In("fingerprint", query.Fingerprints)
            .In("issuer_name", query.IssuerNames);

        // Status is derived from the clock, so it is matched on the rows read rather than in SQL.
        var statuses = query.Statuses;
        if (statuses is { Count: 0 })
        {
            return new Page<License>([], null);
        }

        await using var statement = builder.Page(session, query.After, query.Limit, postFiltered: statuses is not null);
        return await QueryBuilder.ReadPageAsync(
            statement, query.Limit, reader => Read(session, reader),
            statuses is null ? null : l => statuses.Contains(l.StatusAt(query.At)), ct);
    }

    /// <summary>Binds the key and every column an update may change.</summary>
    private static Statement BindMutable(Statement statement, License license)
    {
        var latest = license.Latest;
        return statement
            .Bind("accountId", license.AccountId)
            .Bind("region", license.Region)
            .Bind("id", license.Id)
            .Bind("version", license.Version)
            .Bind("beneficiary", latest.Beneficiary)
            .Bind("productSku", latest.ProductSku)
            .Bind("issuerName", latest.Issuer.Name)
            .Bind("fingerprint", latest.Issuer.KeyFingerprint)
            .Bind("deletedAt", license.DeletedAt)
            .Bind("deletionDate", license.DeletionDate)
            .BindJson("doc", StorageJson.Serialize(LicenseDocument.From(license)));
    }

    private static License Read(Session session, DbDataReader reader)
    {
        var doc = StorageJson.Deserialize<LicenseDocument>(reader.GetString(8));
        return new License
        {
            AccountId = reader.GetString(1),
            Region = reader.GetString(2),
            Id = reader.GetString(3),
            Arn = reader.GetString(4),
            CreatedAt = session.ReadTimestamp(reader, 5),
            DeletedAt = reader.IsDBNull(6) ? null : session.ReadTimestamp(reader, 6),
            DeletionDate = reader.IsDBNull(7) ? null : session.ReadTimestamp(reader, 7),
            Versions = [.. doc.Versions.Select(v => v.ToDomain())],
        };
    }
}
