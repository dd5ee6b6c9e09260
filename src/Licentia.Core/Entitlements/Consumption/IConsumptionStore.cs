namespace Licentia.Core.Entitlements.Consumption;

/// <summary>
/// Persistence of license consumption. Counting is exact under concurrency: <see cref="CheckOutAsync"/> runs the
/// decision in one transaction serialized per license (on every node), so no two check-outs see the same count.
/// Consumer calls are scoped by the consumer's account and the Region; counting by the issuer's account, Region
/// and license ARN.
/// </summary>
public interface IConsumptionStore
{
    /// <summary>
    /// In one transaction holding the license's lock: reads what <paramref name="reads"/> names (the totals in use of
    /// its entitlement names, and the node's active check-outs when it names a node), asks <paramref name="decide"/>
    /// for the consumption to add (it throws to refuse; nothing is written then) and stores it. If the decision returns
    /// one of the node's check-outs (same token: a node checking out again what it holds), only its expiry is updated.
    /// </summary>
    Task<LicenseConsumption> CheckOutAsync(CheckoutReads reads, Func<CheckoutFacts, LicenseConsumption> decide, CancellationToken ct);

    /// <summary>The totals in use that <paramref name="query"/> names (GetLicenseUsage), summed by the store; an absent name means 0.</summary>
    Task<IReadOnlyDictionary<string, long>> SumActiveAsync(UsageQuery query, CancellationToken ct);

    /// <summary>The consumption with this token that the scope's account checked out in the scope's Region, active or not, or null.</summary>
    Task<LicenseConsumption?> FindAsync(Scope consumer, string token, CancellationToken ct);

    /// <summary>Removes the consumption if it is still active at <paramref name="now"/>; false if it was not.</summary>
    Task<bool> TryCheckInAsync(Scope consumer, string token, DateTimeOffset now, CancellationToken ct);

    /// <summary>Moves the expiry of a consumption still active at <paramref name="now"/>; false if it was not.</summary>
    Task<bool> TryExtendAsync(Scope consumer, string token, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken ct);

    /// <summary>The license's consumption active at <paramref name="now"/>, by every consumer (audits and tests: counting uses the sums).</summary>
    Task<IReadOnlyList<LicenseConsumption>> ListActiveAsync(Scope license, string licenseArn, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Housekeeping over every scope: deletes up to <paramref name="batchSize"/> consumptions that lapsed (expired, or
    /// their renewal period ended) before <paramref name="lapsedBefore"/>, oldest first. Returns how many went.
    /// </summary>
    Task<int> PurgeLapsedAsync(DateTimeOffset lapsedBefore, int batchSize, CancellationToken ct);

    /// <summary>
    /// Takes the lock that lets one node run the named periodic job; null when another node holds it. Dispose the
    /// handle to release it. (SQLite has one node per file: always granted.)
    /// </summary>
    Task<IAsyncDisposable?> TryAcquireJobLockAsync(string jobName, CancellationToken ct);
}
