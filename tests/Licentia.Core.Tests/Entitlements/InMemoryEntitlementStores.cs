using Licentia.Core.Entitlements.Grants;
using Licentia.Core.Entitlements.Licenses;
using Licentia.Core.Paging;
using Licentia.Core.Tagging;

namespace Licentia.Core.Tests.Entitlements;

/// <summary>The license and grant store contracts in memory, for manager tests; the engines are covered by the storage contract suite.</summary>
public sealed class InMemoryEntitlementStores : ILicenseStore, IGrantStore
{
    private readonly List<License> _licenses = [];
    private readonly List<Grant> _grants = [];
    private readonly Lock _lock = new();

    public Dictionary<string, IReadOnlyList<Tag>> Tags { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<Grant> AllGrants
    {
        get
        {
            lock (_lock)
            {
                return [.. _grants];
            }
        }
    }

    public Task InsertAsync(License license, IReadOnlyList<Tag> tags, CancellationToken ct)
    {
        lock (_lock)
        {
            _licenses.Add(license);
            Tags[license.Arn] = tags;
        }

        return Task.CompletedTask;
    }

    public Task<License?> FindAsync(Scope scope, string id, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_licenses.FirstOrDefault(l => l.Scope == scope && l.Id == id));
        }
    }

    public Task<Page<License>> ListAsync(Scope scope, LicenseQuery query, CancellationToken ct) =>
        Task.FromResult(PageOf(Snapshot(_licenses).Where(l => l.Scope == scope), query));

    public Task<Page<License>> ListReceivedAsync(Scope grantee, LicenseQuery query, CancellationToken ct)
    {
        var grants = Snapshot(_grants);
        return Task.FromResult(PageOf(
            Snapshot(_licenses).Where(l => l.Region == grantee.Region
                && grants.Any(g => g.GranteeAccountId == grantee.AccountId && g.Region == l.Region && g.LicenseArn == l.Arn)),
            query));
    }

    public Task<bool> TryUpdateAsync(License license, long expectedVersion, CancellationToken ct)
    {
        lock (_lock)
        {
            var index = _licenses.FindIndex(l => l.Scope == license.Scope && l.Id == license.Id && l.Version == expectedVersion && l.DeletedAt is null);
            if (index < 0)
            {
                return Task.FromResult(false);
            }

            _licenses[index] = license;
            return Task.FromResult(true);
        }
    }

    public Task<bool> TryDeleteAsync(License deleted, long expectedVersion, Func<Grant, Grant> endGrant, CancellationToken ct)
    {
        lock (_lock)
        {
            var index = _licenses.FindIndex(l => l.Scope == deleted.Scope && l.Id == deleted.Id && l.Version == expectedVersion && l.DeletedAt is null);
            if (index < 0)
            {
                return Task.FromResult(false);
            }

            _licenses[index] = deleted;
            for (var i = 0; i < _grants.Count; i++)
            {
                if (_grants[i].Region == deleted.Region && _grants[i].LicenseArn == deleted.Arn)
                {
                    _grants[i] = endGrant(_grants[i]);
                }
            }

            return Task.FromResult(true);
        }
    }

    public Task<bool> TryInsertAsync(Grant grant, IReadOnlyList<Tag> tags, int maxLivePerLicense, CancellationToken ct)
    {
        lock (_lock)
        {
            if (_grants.Count(g => g.Region == grant.Region && g.LicenseArn == grant.LicenseArn && GrantTransitions.IsLive(g.Status)) >= maxLivePerLicense)
            {
                return Task.FromResult(false);
            }

            _grants.Add(grant);
            Tags[grant.Arn] = tags;
            return Task.FromResult(true);
        }
    }

    Task<Grant?> IGrantStore.FindAsync(Scope grantor, string id, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_grants.FirstOrDefault(g => g.Scope == grantor && g.Id == id));
        }
    }

    public Task<Grant?> FindReceivedAsync(Scope grantee, string id, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_grants.FirstOrDefault(g => g.GranteeAccountId == grantee.AccountId && g.Region == grantee.Region && g.Id == id));
        }
    }

    public Task<Page<Grant>> ListDistributedAsync(Scope grantor, GrantQuery query, CancellationToken ct) =>
        Task.FromResult(PageOf(Snapshot(_grants).Where(g => g.Scope == grantor), query));

    public Task<Page<Grant>> ListReceivedAsync(Scope grantee, GrantQuery query, CancellationToken ct) =>
        Task.FromResult(PageOf(Snapshot(_grants).Where(g => g.GranteeAccountId == grantee.AccountId && g.Region == grantee.Region), query));

    public Task<bool> TryUpdateAsync(Grant grant, long expectedVersion, CancellationToken ct)
    {
        lock (_lock)
        {
            var index = _grants.FindIndex(g => g.Scope == grant.Scope && g.Id == grant.Id && g.Version == expectedVersion);
            if (index < 0)
            {
                return Task.FromResult(false);
            }

            _grants[index] = grant;
            return Task.FromResult(true);
        }
    }

    private List<T> Snapshot<T>(List<T> items)
    {
        lock (_lock)
        {
            return [.. items];
        }
    }

    private Page<License> PageOf(IEnumerable<License> licenses, LicenseQuery query) => Paged(
        licenses.Where(l => (l.DeletionDate is null || l.DeletionDate > query.At)
            && Matches(query.Ids, l.Id) && Matches(query.Beneficiaries, l.Latest.Beneficiary) && Matches(query.ProductSkus, l.Latest.ProductSku)
            && Matches(query.Fingerprints, l.Latest.Issuer.KeyFingerprint) && Matches(query.IssuerNames, l.Latest.Issuer.Name)
            && (query.Statuses is null || query.Statuses.Contains(l.StatusAt(query.At)))),
        _licenses, query.Limit, query.After);

    private Page<Grant> PageOf(IEnumerable<Grant> grants, GrantQuery query)
    {
        var licenses = Snapshot(_licenses);
        License? LicenseOf(Grant g) => licenses.FirstOrDefault(l => l.Arn == g.LicenseArn && l.Region == g.Region);
        return Paged(
            grants.Where(g => Matches(query.Ids, g.Id) && Matches(query.LicenseArns, g.LicenseArn)
                && (query.Statuses is null || query.Statuses.Contains(g.Status))
                && Matches(query.GranteePrincipalArns, g.GranteePrincipalArn) && Matches(query.GrantorAccountIds, g.AccountId)
                && (query.ProductSkus is null || (LicenseOf(g) is { } a && query.ProductSkus.Contains(a.Latest.ProductSku)))
                && (query.IssuerNames is null || (LicenseOf(g) is { } b && query.IssuerNames.Contains(b.Latest.Issuer.Name)))),
            _grants, query.Limit, query.After);
    }

    // The position in the backing list stands for seq.
    private Page<T> Paged<T>(IEnumerable<T> matching, List<T> all, int limit, string? after)
    {
        var start = after is null ? -1 : int.Parse(after, System.Globalization.CultureInfo.InvariantCulture);
        List<(T Item, int Position)> rows;
        lock (_lock)
        {
            rows = [.. matching.Select(item => (item, all.IndexOf(item))).Where(r => r.Item2 > start).OrderBy(r => r.Item2)];
        }

        var page = rows.Take(limit).ToList();
        return new Page<T>([.. page.Select(r => r.Item)], rows.Count > limit ? page[^1].Position.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    private static bool Matches(IReadOnlyList<string>? filter, string value) => filter is null || filter.Contains(value);
}
