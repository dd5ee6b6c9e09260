using Licentia.Core.Paging;

namespace Licentia.Core.Licensing;

/// <summary>
/// Persistence of associations, usage and failure records, and the one write transaction in which
/// every licensing decision is made. Every query is scoped (account and Region) or, where a resource
/// of one account meets a configuration of another, scoped by the resource's owner and Region.
/// </summary>
public interface ILicensingStore
{
    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction and commits when it returns; an exception
    /// rolls everything back and propagates. Locks taken through the transaction are held until then.
    /// </summary>
    Task<T> WriteAsync<T>(Func<ILicensingTransaction, Task<T>> work, CancellationToken ct);

    /// <summary>Stores failure (and alert) records, each on its own: they outlive the refused operation.</summary>
    Task RecordFailuresAsync(IReadOnlyList<LicenseOperationFailure> failures, CancellationToken ct);

    /// <summary>The associations of a configuration, in association order.</summary>
    Task<Page<LicenseAssociation>> ListAssociationsAsync(Scope scope, string configurationId, string? after, int limit, CancellationToken ct);

    /// <summary>
    /// The associations of a resource that apply to <paramref name="viewerAccountId"/>: those of its own
    /// configurations, those on its own instances and hosts, and cross-account AMI associations.
    /// </summary>
    Task<Page<LicenseAssociation>> ListAssociationsOfResourceAsync(
        string region, string viewerAccountId, string resourceArn, string? after, int limit, CancellationToken ct);

    Task<Page<LicenseUsage>> ListUsagesAsync(Scope scope, string configurationId, LicenseUsageQuery query, CancellationToken ct);

    Task<Page<LicenseOperationFailure>> ListFailuresAsync(Scope scope, string configurationId, string? after, int limit, CancellationToken ct);

    /// <summary>Consumed licenses per resource type of the rows that count (released after <paramref name="heldAfter"/> or not released).</summary>
    Task<IReadOnlyList<ResourceTypeCount>> SummarizeUsageAsync(Scope scope, string configurationId, DateTimeOffset heldAfter, CancellationToken ct);

    /// <summary>Associated resources per resource type.</summary>
    Task<IReadOnlyList<ResourceTypeCount>> SummarizeAssociationsAsync(Scope scope, string configurationId, CancellationToken ct);

    /// <summary>Whether the configuration has any association (deleting it is refused then).</summary>
    Task<bool> HasAssociationsAsync(Scope scope, string configurationId, CancellationToken ct);

    /// <summary>
    /// Housekeeping over every scope: removes up to <paramref name="batchSize"/> associations of AMIs that
    /// are deregistered (or gone). Returns how many were removed.
    /// </summary>
    Task<int> RemoveAssociationsOfDeregisteredImagesAsync(int batchSize, CancellationToken ct);

    /// <summary>Housekeeping over every scope: deletes usage rows released before <paramref name="releasedBefore"/>.</summary>
    Task<int> PurgeReleasedUsagesAsync(DateTimeOffset releasedBefore, CancellationToken ct);

    /// <summary>
    /// Takes the lock that lets one node run the named periodic job; null when another node holds it.
    /// Dispose the handle to release it. (SQLite has one node per file: always granted.)
    /// </summary>
    Task<IAsyncDisposable?> TryAcquireJobLockAsync(string jobName, CancellationToken ct);

    /// <summary>
    /// For automated discovery, over every scope: license configurations in creation order after the cursor (the job
    /// picks those with product information or DisassociateWhenNotFound).
    /// </summary>
    Task<Page<LicenseConfigurations.LicenseConfiguration>> ScanConfigurationsAsync(string? after, int limit, CancellationToken ct);

    /// <summary>The associations of the scope's configurations with any of these resources.</summary>
    Task<IReadOnlyList<LicenseAssociation>> AssociationsOfResourcesAsync(Scope scope, IReadOnlyList<string> resourceArns, CancellationToken ct);

    /// <summary>
    /// For the discovery job's re-plan, over every scope: associations with managed servers in association order after
    /// the cursor, each with the server as licensing sees it (null when it is gone) and what it consumes now (null: nothing).
    /// </summary>
    Task<Page<ManagedServerAssociation>> ScanManagedServerAssociationsAsync(string? after, int limit, CancellationToken ct);

    /// <summary>Sets AutomatedDiscoveryInformation.LastRunTime of these configurations of the scope.</summary>
    Task SetDiscoveryLastRunTimeAsync(Scope scope, IReadOnlyList<string> configurationIds, DateTimeOffset runTime, CancellationToken ct);
}

/// <summary>An association with a managed server, the server (null when deregistered) and its usage row's count (null: none).</summary>
public sealed record ManagedServerAssociation(LicenseAssociation Association, LicensedServer? Server, long? Consumed);
