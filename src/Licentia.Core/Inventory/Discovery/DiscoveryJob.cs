using Licentia.Core.Compute;
using Licentia.Core.Compute.Instances;
using Licentia.Core.Errors;
using Licentia.Core.Inventory.Resources;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.LicenseConfigurations.Products;
using Licentia.Core.LicenseConfigurations.Rules;
using Licentia.Core.Licensing;

namespace Licentia.Core.Inventory.Discovery;

/// <summary>What one run of <see cref="DiscoveryJob"/> did.</summary>
public sealed record DiscoveryRunResult(bool Ran, int Associated, int Disassociated, int Replanned, int Failed)
{
    public static DiscoveryRunResult Skipped { get; } = new(false, 0, 0, 0, 0);
}

/// <summary>
/// Automated discovery, one run at a time (the host schedules <see cref="RunOnceAsync"/>; with several nodes only the
/// holder of the job lock runs it):
/// <list type="number">
/// <item>For each license configuration with SSM_MANAGED product information, every managed server and every EC2
/// instance (not terminated) of its scope is matched with <see cref="ProductInformationMatcher"/>. A match without an
/// association is associated "by discovery" and consumes through the same licensing transaction as a caller's
/// association; a refusal (hard limit, a rule) is recorded as a failure and tried again on the next run. With
/// DisassociateWhenNotFound, an association made by discovery whose resource no longer matches is removed and its
/// licenses released. Associations made by a caller are never touched. The configuration's LastRunTime is set.</item>
/// <item>Every association with a managed server is re-planned: an active server whose processors are known consumes
/// its demand; a server whose agent has not reported within the inactivity period stops consuming (and consumes again
/// after its next report); the associations of servers that are gone are removed.</item>
/// </list>
/// Resources and associations are read a page at a time; each change is its own short licensing transaction.
/// </summary>
public sealed class DiscoveryJob(
    ILicensingStore licensing,
    IInventoryStore inventory,
    IComputeStore compute,
    ILicenseConfigurationStore configurations,
    LicenseAssociationManager associations,
    TimeProvider time,
    DiscoveryOptions? options = null)
{
    public const string JobName = "automated-discovery";

    // Refusals already recorded, so a server refused at a hard limit is not recorded again every minute. Bounded.
    private const int MaxRememberedRefusals = 100_000;
    private readonly HashSet<string> _refused = new(StringComparer.Ordinal);
    private readonly Lock _refusedLock = new();
    private readonly DiscoveryOptions _options = options ?? new DiscoveryOptions();

    public async Task<DiscoveryRunResult> RunOnceAsync(CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(licensing);
        await using var jobLock = await licensing.TryAcquireJobLockAsync(JobName, ct);
        if (jobLock is null)
        {
            return DiscoveryRunResult.Skipped;
        }

        var tally = new Tally();
        var runTime = time.GetUtcNow();
        foreach (var (scope, scoped) in await DiscoveryConfigurationsAsync(ct))
        {
            var tracking = scoped.Where(HasSsmProducts).ToList();
            if (tracking.Count > 0)
            {
                await DiscoverManagedServersAsync(scope, tracking, tally, ct);
                await DiscoverInstancesAsync(scope, tracking, tally, ct);
            }

            foreach (var configuration in scoped.Where(c => !HasSsmProducts(c)))
            {
                await DropDiscoveredAsync(configuration, tally, ct);
            }

            // LastRunTime belongs to configurations discovery matches resources for.
            await licensing.SetDiscoveryLastRunTimeAsync(scope, [.. tracking.Select(c => c.Id)], runTime, ct);
        }

        await ReplanManagedServersAsync(tally, ct);
        return new DiscoveryRunResult(true, tally.Associated, tally.Disassociated, tally.Replanned, tally.Failed);
    }

    /// <summary>Whether the configuration has product information discovery matches servers and instances against.</summary>
    public static bool HasSsmProducts(LicenseConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.ProductInformation.Any(p => p.ResourceType == ProductInformationTable.SsmManaged);
    }

    /// <summary>What discovery knows of an EC2 instance: its owner, platform and license-included software (no applications).</summary>
    public static DiscoveredServer FromInstance(Ec2Instance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new DiscoveredServer
        {
            AccountId = instance.AccountId,
            PlatformName = instance.PlatformDetails,
            PlatformType = instance.PlatformDetails.StartsWith("Windows", StringComparison.Ordinal) ? "Windows" : "Linux",
            LicenseIncluded = LicenseIncludedSoftware.FromUsageOperation(instance.UsageOperation),
        };
    }

    /// <summary>What discovery knows of a managed server: its owner, platform, tags (its activation's) and applications.</summary>
    public static DiscoveredServer FromManagedServer(InstanceInventory server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new DiscoveredServer
        {
            AccountId = server.Instance.AccountId,
            PlatformName = server.Instance.Facts.PlatformName,
            PlatformType = server.Instance.Facts.PlatformType,
            Applications = DiscoveredServer.ApplicationsOf(server.Items.FirstOrDefault(i => i.TypeName == InventoryTypes.Application)),
            Tags = server.Instance.Tags,
        };
    }

    /// <summary>Configurations with product information or DisassociateWhenNotFound, by scope, over every scope.</summary>
    private async Task<IReadOnlyList<(Scope Scope, List<LicenseConfiguration> Configurations)>> DiscoveryConfigurationsAsync(CancellationToken ct)
    {
        var byScope = new Dictionary<Scope, List<LicenseConfiguration>>();
        string? cursor = null;
        do
        {
            var page = await licensing.ScanConfigurationsAsync(cursor, _options.BatchSize, ct);
            foreach (var configuration in page.Items.Where(c => HasSsmProducts(c) || c.DisassociateWhenNotFound))
            {
                (byScope.TryGetValue(configuration.Scope, out var list) ? list : byScope[configuration.Scope] = []).Add(configuration);
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return [.. byScope.Select(p => (p.Key, p.Value))];
    }

    private async Task DiscoverManagedServersAsync(Scope scope, List<LicenseConfiguration> tracking, Tally tally, CancellationToken ct)
    {
        string? cursor = null;
        do
        {
            var page = await inventory.ScanInventoryAsync(scope, cursor, _options.BatchSize, ct);
            await ReconcileAsync(scope, tracking, [.. page.Items.Select(s => (s.Inventory.Instance.Arn, FromManagedServer(s.Inventory)))], tally, ct);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    private async Task DiscoverInstancesAsync(Scope scope, List<LicenseConfiguration> tracking, Tally tally, CancellationToken ct)
    {
        string? cursor = null;
        do
        {
            var page = await compute.ListInstancesAsync(scope, new Compute.Instances.InstanceQuery
            {
                States = [InstanceState.Pending, InstanceState.Running, InstanceState.Stopping, InstanceState.Stopped],
                Limit = _options.BatchSize,
                After = cursor,
            }, ct);
            await ReconcileAsync(scope, tracking, [.. page.Items.Select(i => (i.Arn, FromInstance(i)))], tally, ct);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    /// <summary>One page of resources against every tracking configuration of their scope.</summary>
    private async Task ReconcileAsync(
        Scope scope, List<LicenseConfiguration> tracking, IReadOnlyList<(string Arn, DiscoveredServer Server)> resources, Tally tally, CancellationToken ct)
    {
        if (resources.Count == 0)
        {
            return;
        }

        var existing = (await licensing.AssociationsOfResourcesAsync(scope, [.. resources.Select(r => r.Arn)], ct))
            .ToDictionary(a => (a.LicenseConfigurationId, a.ResourceArn));
        foreach (var (arn, server) in resources)
        {
            foreach (var configuration in tracking)
            {
                var matches = ProductInformationMatcher.MatchesAny(configuration.ProductInformation, server);
                existing.TryGetValue((configuration.Id, arn), out var association);
                if (matches && association is null && configuration.Status == LicenseConfigurationStatus.Available)
                {
                    await ChangeAsync(scope, arn, configuration, associate: true, tally, ct);
                }
                else if (!matches && association is { Origin: AssociationOrigin.Discovery } && configuration.DisassociateWhenNotFound)
                {
                    await ChangeAsync(scope, arn, configuration, associate: false, tally, ct);
                }
            }
        }
    }

    /// <summary>A configuration without product information to match: with DisassociateWhenNotFound, nothing matches it any more.</summary>
    private async Task DropDiscoveredAsync(LicenseConfiguration configuration, Tally tally, CancellationToken ct)
    {
        string? cursor = null;
        var doomed = new List<string>();
        do
        {
            var page = await licensing.ListAssociationsAsync(configuration.Scope, configuration.Id, cursor, _options.BatchSize, ct);
            doomed.AddRange(page.Items.Where(a => a.Origin == AssociationOrigin.Discovery).Select(a => a.ResourceArn));
            cursor = page.NextCursor;
        }
        while (cursor is not null && doomed.Count < _options.BatchSize);

        // At most a batch per run: the next run continues where this one stopped.
        foreach (var arn in doomed)
        {
            await ChangeAsync(configuration.Scope, arn, configuration, associate: false, tally, ct);
        }
    }

    private async Task ChangeAsync(Scope scope, string resourceArn, LicenseConfiguration configuration, bool associate, Tally tally, CancellationToken ct)
    {
        var key = $"{configuration.Arn}|{resourceArn}|{(associate ? "add" : "remove")}";
        try
        {
            await associations.ChangeByDiscoveryAsync(scope, resourceArn, configuration.Arn, associate, recordFailures: FirstRefusal(key), ct);
            Forget(key);
            if (associate)
            {
                tally.Associated++;
            }
            else
            {
                tally.Disassociated++;
            }
        }
        catch (ServiceException)
        {
            // Refused (recorded as a failure of the configuration) or raced with a change by someone else: the next
            // run looks again. One resource never stops the run.
            tally.Failed++;
        }
    }

    private async Task ReplanManagedServersAsync(Tally tally, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        string? cursor = null;
        do
        {
            var page = await licensing.ScanManagedServerAssociationsAsync(cursor, _options.BatchSize, ct);
            var configurationsOfPage = new Dictionary<(Scope, string), LicenseConfiguration?>();
            foreach (var (association, server, consumed) in page.Items)
            {
                var key = (association.Scope, association.LicenseConfigurationId);
                if (!configurationsOfPage.TryGetValue(key, out var configuration))
                {
                    configurationsOfPage[key] = configuration = await configurations.FindAsync(association.Scope, association.LicenseConfigurationId, ct);
                }

                if (configuration is null || !NeedsReplan(configuration, server, consumed, now))
                {
                    continue;
                }

                var refusalKey = $"{association.LicenseConfigurationArn}|{association.ResourceArn}|replan";
                try
                {
                    if (await associations.ReplanManagedServerAsync(association.Scope, association.LicenseConfigurationId, association.ResourceId,
                        FirstRefusal(refusalKey), ct))
                    {
                        tally.Replanned++;
                    }

                    Forget(refusalKey);
                }
                catch (ServiceException)
                {
                    tally.Failed++;
                }
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    /// <summary>The cheap test before a transaction: would the re-plan change anything?</summary>
    private bool NeedsReplan(LicenseConfiguration configuration, LicensedServer? server, long? consumed, DateTimeOffset now)
    {
        if (server is null)
        {
            return true;
        }

        var demand = ManagedServerCounting.IsActive(server, now, associations.ServerInactiveAfter)
            ? ManagedServerCounting.Demand(configuration, LicenseRuleParser.ForConfiguration(configuration), server)
            : null;
        return demand switch
        {
            null => consumed is not null,
            // The rules are checked when consumption starts; a server consuming already keeps it.
            { IsRefused: true } => consumed is null,
            _ => consumed != demand.Count,
        };
    }

    private bool FirstRefusal(string key)
    {
        lock (_refusedLock)
        {
            if (_refused.Count >= MaxRememberedRefusals)
            {
                _refused.Clear();
            }

            return _refused.Add(key);
        }
    }

    private void Forget(string key)
    {
        lock (_refusedLock)
        {
            _refused.Remove(key);
        }
    }

    private sealed class Tally
    {
        public int Associated { get; set; }

        public int Disassociated { get; set; }

        public int Replanned { get; set; }

        public int Failed { get; set; }
    }
}
