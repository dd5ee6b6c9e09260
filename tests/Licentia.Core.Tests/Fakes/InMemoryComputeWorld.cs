using Licentia.Core.Compute;
using Licentia.Core.Compute.Hosts;
using Licentia.Core.Compute.Images;
using Licentia.Core.Compute.Instances;
using Licentia.Core.Compute.LaunchTemplates;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Licensing;
using Licentia.Core.Paging;

namespace Licentia.Core.Tests.Fakes;

/// <summary>
/// The compute and licensing stores in memory, with the contracts' semantics: one writer at a time, and a
/// transaction that throws leaves everything as it was (a snapshot is put back).
/// </summary>
public sealed class InMemoryComputeWorld(InMemoryLicenseConfigurationStore configurations) : IComputeStore, ILicensingStore, ILicensingTransaction
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private List<Ec2Image> _images = [];
    private List<Ec2Instance> _instances = [];
    private List<DedicatedHost> _hosts = [];
    private List<LaunchTemplate> _templates = [];
    private List<LicenseAssociation> _associations = [];
    private List<LicenseUsage> _usages = [];
    private readonly List<LicenseOperationFailure> _failures = [];
    private readonly List<LicensedServer> _servers = [];

    public IReadOnlyList<Ec2Instance> Instances => _instances;

    public IReadOnlyList<LicenseUsage> Usages => _usages;

    public IReadOnlyList<LicenseAssociation> Associations => _associations;

    public IReadOnlyList<LicenseOperationFailure> Failures => _failures;

    public int LockCalls { get; private set; }

    /// <summary>Managed servers as licensing sees them; a test adds, replaces (a new report) or removes (deregistration) them.</summary>
    public void PutServer(LicensedServer server)
    {
        _servers.RemoveAll(s => s.Scope == server.Scope && s.Id == server.Id);
        _servers.Add(server);
    }

    public void RemoveServer(LicensedServer server) => _servers.RemoveAll(s => s.Scope == server.Scope && s.Id == server.Id);

    // ---- ILicensingStore ----

    public async Task<T> WriteAsync<T>(Func<ILicensingTransaction, Task<T>> work, CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        var snapshot = (_images.ToList(), _instances.ToList(), _hosts.ToList(), _templates.ToList(), _associations.ToList(), _usages.ToList(),
            configurations.All.ToList());
        try
        {
            return await work(this);
        }
        catch
        {
            (_images, _instances, _hosts, _templates, _associations, _usages, var configs) = snapshot;
            configurations.ReplaceAll(configs);
            throw;
        }
        finally
        {
            _writer.Release();
        }
    }

    public Task RecordFailuresAsync(IReadOnlyList<LicenseOperationFailure> failures, CancellationToken ct)
    {
        _failures.AddRange(failures);
        return Task.CompletedTask;
    }

    public Task<Page<LicenseAssociation>> ListAssociationsAsync(Scope scope, string configurationId, string? after, int limit, CancellationToken ct) =>
        Task.FromResult(PageOf(_associations.Where(a => a.Scope == scope && a.LicenseConfigurationId == configurationId), after, limit));

    public Task<Page<LicenseAssociation>> ListAssociationsOfResourceAsync(
        string region, string viewerAccountId, string resourceArn, string? after, int limit, CancellationToken ct) =>
        Task.FromResult(PageOf(OfResource(region, viewerAccountId, resourceArn), after, limit));

    public Task<Page<LicenseUsage>> ListUsagesAsync(Scope scope, string configurationId, LicenseUsageQuery query, CancellationToken ct) =>
        Task.FromResult(PageOf(
            _usages.Where(u => u.Scope == scope && u.LicenseConfigurationId == configurationId && Counts(u, query.HeldAfter))
                .Where(u => query.ResourceArns is null || query.ResourceArns.Contains(u.ResourceArn))
                .Where(u => query.ResourceTypes is null || query.ResourceTypes.Contains(u.ResourceType))
                .Where(u => query.ResourceOwnerIds is null || query.ResourceOwnerIds.Contains(u.ResourceOwnerId)),
            query.After,
            query.Limit));

    public Task<Page<LicenseOperationFailure>> ListFailuresAsync(Scope scope, string configurationId, string? after, int limit, CancellationToken ct) =>
        Task.FromResult(PageOf(_failures.Where(f => f.Scope == scope && f.LicenseConfigurationId == configurationId), after, limit));

    public Task<IReadOnlyList<ResourceTypeCount>> SummarizeUsageAsync(Scope scope, string configurationId, DateTimeOffset heldAfter, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ResourceTypeCount>>([.. _usages
            .Where(u => u.Scope == scope && u.LicenseConfigurationId == configurationId && Counts(u, heldAfter))
            .GroupBy(u => u.ResourceType)
            .Select(g => new ResourceTypeCount(g.Key, g.Sum(u => u.Consumed)))
            .Where(c => c.Count > 0)
            .OrderBy(c => c.ResourceType)]);

    public Task<IReadOnlyList<ResourceTypeCount>> SummarizeAssociationsAsync(Scope scope, string configurationId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ResourceTypeCount>>([.. _associations
            .Where(a => a.Scope == scope && a.LicenseConfigurationId == configurationId)
            .GroupBy(a => a.ResourceType)
            .Select(g => new ResourceTypeCount(g.Key, g.Count()))
            .OrderBy(c => c.ResourceType)]);

    public Task<bool> HasAssociationsAsync(Scope scope, string configurationId, CancellationToken ct) =>
        Task.FromResult(_associations.Any(a => a.Scope == scope && a.LicenseConfigurationId == configurationId));

    public Task<int> RemoveAssociationsOfDeregisteredImagesAsync(int batchSize, CancellationToken ct)
    {
        var doomed = _associations
            .Where(a => a.ResourceType == LicenseResourceType.Ec2Ami
                && !_images.Any(i => i.Region == a.Region && i.Id == a.ResourceId && i.State == ImageState.Available))
            .Take(batchSize)
            .ToList();
        _associations = [.. _associations.Except(doomed)];
        return Task.FromResult(doomed.Count);
    }

    public Task<int> PurgeReleasedUsagesAsync(DateTimeOffset releasedBefore, CancellationToken ct)
    {
        var count = _usages.RemoveAll(u => u.ReleasedAt < releasedBefore);
        return Task.FromResult(count);
    }

    public Task<IAsyncDisposable?> TryAcquireJobLockAsync(string jobName, CancellationToken ct) =>
        Task.FromResult<IAsyncDisposable?>(new NoLock());

    public Task<Page<LicenseConfiguration>> ScanConfigurationsAsync(string? after, int limit, CancellationToken ct) =>
        Task.FromResult(PageOf(configurations.All, after, limit));

    public Task<IReadOnlyList<LicenseAssociation>> AssociationsOfResourcesAsync(Scope scope, IReadOnlyList<string> resourceArns, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<LicenseAssociation>>([.. _associations.Where(a => a.Scope == scope && resourceArns.Contains(a.ResourceArn))]);

    public Task<Page<ManagedServerAssociation>> ScanManagedServerAssociationsAsync(string? after, int limit, CancellationToken ct) =>
        Task.FromResult(PageOf(
            _associations.Where(a => a.ResourceType == LicenseResourceType.SystemsManagerManagedInstance).Select(a => new ManagedServerAssociation(
                a,
                _servers.FirstOrDefault(s => s.Region == a.Region && s.AccountId == a.ResourceOwnerId && s.Id == a.ResourceId),
                _usages.FirstOrDefault(u => u.Scope == a.Scope && u.LicenseConfigurationId == a.LicenseConfigurationId && u.ResourceArn == a.ResourceArn)?.Consumed)),
            after,
            limit));

    public Task SetDiscoveryLastRunTimeAsync(Scope scope, IReadOnlyList<string> configurationIds, DateTimeOffset runTime, CancellationToken ct)
    {
        configurations.ReplaceAll([.. configurations.All.Select(c => c.Scope == scope && configurationIds.Contains(c.Id) ? c with { DiscoveryLastRunTime = runTime } : c)]);
        return Task.CompletedTask;
    }

    // ---- ILicensingTransaction ----

    public Task LockAsync(IReadOnlyCollection<LicensingLock> locks, CancellationToken ct)
    {
        LockCalls++;
        return Task.CompletedTask;
    }

    public Task<LicenseConfiguration?> FindConfigurationAsync(Scope scope, string id, CancellationToken ct) => configurations.FindAsync(scope, id, ct);

    public async Task SetUsageLimitExceededAsync(Scope scope, string configurationId, bool exceeded, CancellationToken ct)
    {
        var current = await configurations.FindAsync(scope, configurationId, ct);
        if (current is not null)
        {
            await configurations.TryUpdateAsync(current with { UsageLimitExceeded = exceeded }, current.Version, ct);
        }
    }

    public Task<IReadOnlyList<LicenseAssociation>> AssociationsOfResourceAsync(string region, string viewerAccountId, string resourceArn, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<LicenseAssociation>>([.. OfResource(region, viewerAccountId, resourceArn)]);

    public Task InsertAssociationAsync(LicenseAssociation association, CancellationToken ct)
    {
        if (!_associations.Any(a => a.Scope == association.Scope && a.LicenseConfigurationId == association.LicenseConfigurationId && a.ResourceArn == association.ResourceArn))
        {
            _associations.Add(association);
        }

        return Task.CompletedTask;
    }

    public Task DeleteAssociationAsync(Scope scope, string configurationId, string resourceArn, CancellationToken ct)
    {
        _associations.RemoveAll(a => a.Scope == scope && a.LicenseConfigurationId == configurationId && a.ResourceArn == resourceArn);
        return Task.CompletedTask;
    }

    public Task<long> ConsumedAsync(Scope scope, string configurationId, DateTimeOffset heldAfter, CancellationToken ct) =>
        Task.FromResult(_usages.Where(u => u.Scope == scope && u.LicenseConfigurationId == configurationId && Counts(u, heldAfter)).Sum(u => u.Consumed));

    public Task<LicenseUsage?> FindUsageAsync(Scope scope, string configurationId, string resourceArn, CancellationToken ct) =>
        Task.FromResult(_usages.FirstOrDefault(u => u.Scope == scope && u.LicenseConfigurationId == configurationId && u.ResourceArn == resourceArn));

    public Task<IReadOnlyList<LicenseUsage>> UsagesOfResourceAsync(string region, string resourceOwnerId, string resourceArn, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<LicenseUsage>>([.. _usages.Where(u => u.Region == region && u.ResourceOwnerId == resourceOwnerId && u.ResourceArn == resourceArn)]);

    public Task UpsertUsageAsync(LicenseUsage usage, CancellationToken ct)
    {
        var index = _usages.FindIndex(u => u.Scope == usage.Scope && u.LicenseConfigurationId == usage.LicenseConfigurationId && u.ResourceArn == usage.ResourceArn);
        if (index >= 0)
        {
            _usages[index] = usage;
        }
        else
        {
            _usages.Add(usage);
        }

        return Task.CompletedTask;
    }

    public Task DeleteUsageAsync(Scope scope, string configurationId, string resourceArn, CancellationToken ct)
    {
        _usages.RemoveAll(u => u.Scope == scope && u.LicenseConfigurationId == configurationId && u.ResourceArn == resourceArn);
        return Task.CompletedTask;
    }

    public Task<int> CountInstanceUsagesOnHostAsync(Scope scope, string configurationId, string hostId, CancellationToken ct) =>
        Task.FromResult(_usages.Count(u => u.Scope == scope && u.LicenseConfigurationId == configurationId && u.HostId == hostId
            && u.ResourceType == LicenseResourceType.Ec2Instance && u.ReleasedAt is null));

    public Task<Ec2Image?> FindImageAsync(string region, string viewerAccountId, string imageId, CancellationToken ct) =>
        Task.FromResult(_images.FirstOrDefault(i => i.Region == region && i.Id == imageId && i.IsVisibleTo(viewerAccountId)));

    public Task<Ec2Instance?> FindInstanceAsync(Scope scope, string instanceId, CancellationToken ct) =>
        Task.FromResult(_instances.FirstOrDefault(i => i.Scope == scope && i.Id == instanceId));

    public Task InsertInstanceAsync(Ec2Instance instance, CancellationToken ct)
    {
        _instances.Add(instance);
        return Task.CompletedTask;
    }

    public Task<bool> TryUpdateInstanceAsync(Ec2Instance instance, long expectedVersion, CancellationToken ct) =>
        Task.FromResult(Replace(_instances, i => i.Scope == instance.Scope && i.Id == instance.Id, i => i.Version == expectedVersion,
            instance with { Version = expectedVersion + 1 }));

    public Task<DedicatedHost?> FindHostAsync(Scope scope, string hostId, CancellationToken ct) =>
        Task.FromResult(_hosts.FirstOrDefault(h => h.Scope == scope && h.Id == hostId));

    public Task<IReadOnlyList<DedicatedHost>> AvailableHostsAsync(Scope scope, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DedicatedHost>>([.. _hosts.Where(h => h.Scope == scope && h.State == HostState.Available)]);

    public Task<IReadOnlyList<Ec2Instance>> InstancesOnHostAsync(Scope scope, string hostId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Ec2Instance>>([.. _instances.Where(i => i.Scope == scope && i.Placement.HostId == hostId && InstanceStateNames.IsConsuming(i.State))]);

    public Task<bool> TryUpdateHostAsync(DedicatedHost host, long expectedVersion, CancellationToken ct) =>
        Task.FromResult(Replace(_hosts, h => h.Scope == host.Scope && h.Id == host.Id, h => h.Version == expectedVersion,
            host with { Version = expectedVersion + 1 }));

    public Task<LaunchTemplate?> FindLaunchTemplateAsync(Scope scope, string? id, string? name, CancellationToken ct) =>
        Task.FromResult(_templates.FirstOrDefault(t => t.Scope == scope && (id is null || t.Id == id) && (name is null || t.Name == name)));

    public Task<LicensedServer?> FindManagedServerAsync(Scope scope, string serverId, CancellationToken ct) =>
        Task.FromResult(_servers.FirstOrDefault(s => s.Scope == scope && s.Id == serverId));

    // ---- IComputeStore ----

    public Task<bool> TryInsertImageAsync(Ec2Image image, CancellationToken ct)
    {
        if (_images.Any(i => i.OwnerScope == image.OwnerScope && i.Name == image.Name))
        {
            return Task.FromResult(false);
        }

        _images.Add(image);
        return Task.FromResult(true);
    }

    public Task<Page<Ec2Image>> ListImagesAsync(Scope viewer, ImageQuery query, CancellationToken ct) =>
        Task.FromResult(PageOf(
            _images.Where(i => i.Region == viewer.Region && i.IsVisibleTo(viewer.AccountId))
                .Where(i => query.Ids is null || query.Ids.Contains(i.Id))
                .Where(i => query.Owners is null || query.Owners.Contains(i.AccountId))
                .Where(i => query.States is null || query.States.Contains(i.State))
                .Where(i => query.NamePatterns is null || Ec2Wildcard.IsMatchAny(query.NamePatterns, i.Name))
                .Where(i => query.PlatformDetails is null || query.PlatformDetails.Contains(i.PlatformDetails))
                .Where(i => query.UsageOperations is null || query.UsageOperations.Contains(i.UsageOperation))
                .Where(i => query.Public is null || i.Public == query.Public),
            query.After,
            query.Limit));

    public Task<bool> TryUpdateImageAsync(Ec2Image image, long expectedVersion, CancellationToken ct) =>
        Task.FromResult(Replace(_images, i => i.Region == image.Region && i.Id == image.Id && i.AccountId == image.AccountId,
            i => i.Version == expectedVersion, image with { Version = expectedVersion + 1 }));

    public Task<Page<Ec2Instance>> ListInstancesAsync(Scope scope, InstanceQuery query, CancellationToken ct) =>
        Task.FromResult(PageOf(
            _instances.Where(i => i.Scope == scope)
                .Where(i => query.Ids is null || query.Ids.Contains(i.Id))
                .Where(i => query.States is null || query.States.Contains(i.State))
                .Where(i => query.InstanceTypes is null || query.InstanceTypes.Contains(i.InstanceType))
                .Where(i => query.ImageIds is null || query.ImageIds.Contains(i.ImageId))
                .Where(i => query.HostIds is null || (i.Placement.HostId is { } h && query.HostIds.Contains(h)))
                .Where(i => query.Tenancies is null || query.Tenancies.Contains(i.Placement.Tenancy)),
            query.After,
            query.Limit));

    public Task InsertHostsAsync(IReadOnlyList<DedicatedHost> hosts, CancellationToken ct)
    {
        _hosts.AddRange(hosts);
        return Task.CompletedTask;
    }

    public Task<Page<DedicatedHost>> ListHostsAsync(Scope scope, HostQuery query, CancellationToken ct) =>
        Task.FromResult(PageOf(
            _hosts.Where(h => h.Scope == scope)
                .Where(h => query.Ids is null || query.Ids.Contains(h.Id))
                .Where(h => query.States is null || query.States.Contains(h.State))
                .Where(h => query.InstanceTypes is null || (h.InstanceType is { } t && query.InstanceTypes.Contains(t)))
                .Where(h => query.AvailabilityZones is null || query.AvailabilityZones.Contains(h.AvailabilityZone))
                .Where(h => query.AutoPlacement is null || h.AutoPlacement == query.AutoPlacement),
            query.After,
            query.Limit));

    public Task<bool> TryInsertLaunchTemplateAsync(LaunchTemplate launchTemplate, CancellationToken ct)
    {
        if (_templates.Any(t => t.Scope == launchTemplate.Scope && t.Name == launchTemplate.Name))
        {
            return Task.FromResult(false);
        }

        _templates.Add(launchTemplate);
        return Task.FromResult(true);
    }

    public Task<Page<LaunchTemplate>> ListLaunchTemplatesAsync(Scope scope, LaunchTemplateQuery query, CancellationToken ct) =>
        Task.FromResult(PageOf(
            _templates.Where(t => t.Scope == scope)
                .Where(t => query.Ids is null || query.Ids.Contains(t.Id))
                .Where(t => query.Names is null || query.Names.Contains(t.Name)),
            query.After,
            query.Limit));

    // ---- helpers ----

    private IEnumerable<LicenseAssociation> OfResource(string region, string viewer, string resourceArn) =>
        _associations.Where(a => a.Region == region && a.ResourceArn == resourceArn
            && (a.AccountId == viewer
                || (a.ResourceType != LicenseResourceType.Ec2Ami && a.ResourceOwnerId == viewer)
                || a.AmiAssociationScope == AmiAssociationScopes.CrossAccount));

    private static bool Counts(LicenseUsage usage, DateTimeOffset heldAfter) => usage.ReleasedAt is not { } released || released > heldAfter;

    private static bool Replace<T>(List<T> items, Func<T, bool> key, Func<T, bool> versionMatches, T replacement)
    {
        var index = items.FindIndex(i => key(i));
        if (index < 0 || !versionMatches(items[index]))
        {
            return false;
        }

        items[index] = replacement;
        return true;
    }

    // Cursor: the index after which to continue, as text.
    private static Page<T> PageOf<T>(IEnumerable<T> items, string? after, int limit)
    {
        var all = items.ToList();
        var start = after is null ? 0 : int.Parse(after, System.Globalization.CultureInfo.InvariantCulture);
        var page = all.Skip(start).Take(limit).ToList();
        var next = start + page.Count < all.Count ? (start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return new Page<T>(page, next);
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
