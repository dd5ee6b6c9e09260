using Licentia.Core.Compute;
using Licentia.Core.Compute.Hosts;
using Licentia.Core.Compute.Instances;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.LicenseConfigurations.Rules;

namespace Licentia.Core.Licensing;

/// <summary>
/// The licensing decisions of one transaction. It reads each configuration once (after its lock is
/// held), keeps the running total of what counts, plans a resource's consumption against every
/// configuration before writing anything (so a refusal leaves no partial writes), and at the end sets
/// the UsageLimitExceeded flags and reports soft-limit alerts.
/// </summary>
internal sealed class LicenseLedger(ILicensingTransaction tx, DateTimeOffset now, CancellationToken ct)
{
    /// <summary>The ResourceStatus of a managed server's usage row: it counts because its agent reports.</summary>
    public const string ServerActiveStatus = "active";

    private readonly Dictionary<(Scope, string), Entry?> _entries = [];

    public DateTimeOffset Now => now;

    public ILicensingTransaction Transaction => tx;

    /// <summary>The configuration with its current total, or null if it does not exist. Call with its lock held.</summary>
    public async Task<Entry?> GetAsync(Scope scope, string configurationId)
    {
        if (_entries.TryGetValue((scope, configurationId), out var cached))
        {
            return cached;
        }

        var configuration = await tx.FindConfigurationAsync(scope, configurationId, ct);
        Entry? entry = null;
        if (configuration is not null)
        {
            var rules = LicenseRuleParser.ForConfiguration(configuration);
            var consumed = await tx.ConsumedAsync(scope, configurationId, HeldAfter(rules, now), ct);
            entry = new Entry(configuration, rules, consumed);
        }

        _entries[(scope, configurationId)] = entry;
        return entry;
    }

    /// <summary>Rows released after this instant still count: the affinity period, or nothing without the rule.</summary>
    public static DateTimeOffset HeldAfter(LicenseRuleSet rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.LicenseAffinityToHostDays is { } days ? now.AddDays(-days) : now;
    }

    /// <summary>Checks an instance against every configuration; throws <see cref="LicenseRefusalException"/> without writing.</summary>
    public async Task<IReadOnlyList<PlannedUse>> PlanAsync(IReadOnlyList<Entry> entries, Ec2Instance instance, ResourceFacts facts)
    {
        var planned = new List<PlannedUse>();
        foreach (var entry in entries)
        {
            var demand = LicenseCounter.Evaluate(entry.Configuration, entry.Rules, facts);
            if (demand.IsRefused)
            {
                throw Refusal(entry, demand.Refusal!.Value,
                    $"Instance {instance.Id} cannot use license configuration '{entry.Configuration.Name}' ({entry.Configuration.Arn}): {demand.Reason}.",
                    instance.Arn, LicenseResourceType.Ec2Instance, instance.AccountId);
            }

            planned.Add(await PlanDemandAsync(entry, demand, facts.Host is null ? null : Ec2Ids.HostArn(instance.Scope, facts.Host.HostId),
                instance.Arn, LicenseResourceType.Ec2Instance, instance.AccountId));
        }

        return planned;
    }

    /// <summary>Checks a Dedicated Host against a Core or Socket configuration associated with it.</summary>
    public async Task<PlannedUse> PlanHostAsync(Entry entry, DedicatedHost host)
    {
        var facts = new ResourceFacts
        {
            Tenancy = Ec2Tenancy.DedicatedHost,
            DefaultVCpus = host.TotalVCpus,
            Host = new HostFacts(host.Id, host.Sockets, host.PhysicalCores),
        };
        var demand = LicenseCounter.Evaluate(entry.Configuration, entry.Rules, facts);
        if (demand.IsRefused)
        {
            throw Refusal(entry, demand.Refusal!.Value,
                $"Dedicated Host {host.Id} cannot use license configuration '{entry.Configuration.Name}' ({entry.Configuration.Arn}): {demand.Reason}.",
                host.Arn, LicenseResourceType.Ec2Host, host.AccountId);
        }

        return await PlanDemandAsync(entry, demand, host.Arn, host.Arn, LicenseResourceType.Ec2Host, host.AccountId);
    }

    /// <summary>Writes the planned rows of an instance and adds them to the totals.</summary>
    public async Task ApplyAsync(IReadOnlyList<PlannedUse> planned, Ec2Instance instance)
    {
        foreach (var use in planned)
        {
            var entry = use.Entry;
            await tx.UpsertUsageAsync(new LicenseUsage
            {
                AccountId = entry.Scope.AccountId,
                Region = entry.Scope.Region,
                LicenseConfigurationId = entry.Configuration.Id,
                ResourceArn = instance.Arn,
                ResourceType = LicenseResourceType.Ec2Instance,
                ResourceId = instance.Id,
                ResourceOwnerId = instance.AccountId,
                HostId = instance.Placement.HostId,
                // Per-host counting: the instance row only says the instance is there; the host row holds the licenses.
                Consumed = use.PerHost ? 0 : use.Additional,
                ResourceStatus = InstanceStateNames.ToWire(InstanceState.Running),
                ConsumedAt = now,
            }, ct);
            if (use.PerHost)
            {
                await ApplyHostRowAsync(use, instance.Scope, instance.Placement.HostId!);
            }

            Count(use, instance.Arn, LicenseResourceType.Ec2Instance, instance.AccountId);
        }
    }

    /// <summary>Writes the planned host row of a host association.</summary>
    public async Task ApplyHostAsync(PlannedUse use, DedicatedHost host)
    {
        ArgumentNullException.ThrowIfNull(use);
        ArgumentNullException.ThrowIfNull(host);
        await ApplyHostRowAsync(use, host.Scope, host.Id);
        Count(use, host.Arn, LicenseResourceType.Ec2Host, host.AccountId);
    }

    /// <summary>Releases everything an instance holds (stop, terminate). Idempotent.</summary>
    public Task ReleaseInstanceAsync(Ec2Instance instance) => ReleaseAllAsync(instance.Scope, instance.Arn);

    /// <summary>Releases what an instance holds from one configuration (its association was removed).</summary>
    public Task ReleaseInstanceFromAsync(Ec2Instance instance, Scope configurationScope, string configurationId) =>
        ReleaseFromAsync(instance.Scope, instance.Arn, configurationScope, configurationId);

    /// <summary>Releases everything a resource (instance or managed server) holds. Idempotent.</summary>
    public async Task ReleaseAllAsync(Scope resourceScope, string resourceArn)
    {
        foreach (var row in await tx.UsagesOfResourceAsync(resourceScope.Region, resourceScope.AccountId, resourceArn, ct))
        {
            await ReleaseRowAsync(row, resourceScope);
        }
    }

    /// <summary>Releases what a resource holds from one configuration (its association was removed, or it stopped counting).</summary>
    public async Task ReleaseFromAsync(Scope resourceScope, string resourceArn, Scope configurationScope, string configurationId)
    {
        var row = await tx.FindUsageAsync(configurationScope, configurationId, resourceArn, ct);
        if (row is not null)
        {
            await ReleaseRowAsync(row, resourceScope);
        }
    }

    /// <summary>
    /// Checks a managed server's demand (from <see cref="ManagedServerCounting.Demand"/>) against a configuration; throws
    /// <see cref="LicenseRefusalException"/> without writing. The server holds its own licenses: never per host.
    /// </summary>
    public async Task<PlannedUse> PlanServerAsync(Entry entry, LicensedServer server, LicenseDemand demand)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(demand);
        if (demand.IsRefused)
        {
            throw Refusal(entry, demand.Refusal!.Value,
                $"Managed server {server.Id} cannot use license configuration '{entry.Configuration.Name}' ({entry.Configuration.Arn}): {demand.Reason}.",
                server.Arn, LicenseResourceType.SystemsManagerManagedInstance, server.AccountId);
        }

        return await PlanDemandAsync(entry, demand with { PerHost = false }, null, server.Arn, LicenseResourceType.SystemsManagerManagedInstance, server.AccountId);
    }

    /// <summary>Writes the planned row of a managed server and adds it to the total.</summary>
    public async Task ApplyServerAsync(PlannedUse use, LicensedServer server)
    {
        ArgumentNullException.ThrowIfNull(use);
        ArgumentNullException.ThrowIfNull(server);
        var entry = use.Entry;
        await tx.UpsertUsageAsync(new LicenseUsage
        {
            AccountId = entry.Scope.AccountId,
            Region = entry.Scope.Region,
            LicenseConfigurationId = entry.Configuration.Id,
            ResourceArn = server.Arn,
            ResourceType = LicenseResourceType.SystemsManagerManagedInstance,
            ResourceId = server.Id,
            ResourceOwnerId = server.AccountId,
            Consumed = use.Additional,
            ResourceStatus = ServerActiveStatus,
            ConsumedAt = now,
        }, ct);
        Count(use, server.Arn, LicenseResourceType.SystemsManagerManagedInstance, server.AccountId);
    }

    /// <summary>
    /// A host row stops being held when no instance of the configuration is on the host and the host is not
    /// associated with it: with #licenseAffinityToHost it is marked released (and keeps counting for the
    /// period), otherwise it is removed.
    /// </summary>
    public async Task ReleaseHostIfUnusedAsync(Scope configurationScope, string configurationId, Scope hostScope, string hostId)
    {
        var entry = await GetAsync(configurationScope, configurationId);
        var hostArn = Ec2Ids.HostArn(hostScope, hostId);
        var row = await tx.FindUsageAsync(configurationScope, configurationId, hostArn, ct);
        if (row is null || row.ReleasedAt is not null
            || await tx.CountInstanceUsagesOnHostAsync(configurationScope, configurationId, hostId, ct) > 0
            || (await tx.AssociationsOfResourceAsync(hostScope.Region, hostScope.AccountId, hostArn, ct))
                .Any(a => a.Scope == configurationScope && a.LicenseConfigurationId == configurationId))
        {
            return;
        }

        if (entry?.Rules.LicenseAffinityToHostDays is not null)
        {
            await tx.UpsertUsageAsync(row with { ReleasedAt = now, ResourceStatus = "released" }, ct);
            return;
        }

        await tx.DeleteUsageAsync(configurationScope, configurationId, hostArn, ct);
        if (entry is not null)
        {
            entry.Consumed -= row.Consumed;
            entry.Touched = true;
        }
    }

    /// <summary>Sets the flags of every configuration touched and returns soft-limit alerts.</summary>
    public async Task<IReadOnlyList<LicenseOperationFailure>> FinishAsync(LicensingOperation operation)
    {
        var alerts = new List<LicenseOperationFailure>();
        foreach (var entry in _entries.Values)
        {
            if (entry is not { Touched: true })
            {
                continue;
            }

            var over = LicenseCounter.IsOverLimit(entry.Configuration, entry.Consumed);
            if (over != entry.Configuration.UsageLimitExceeded)
            {
                await tx.SetUsageLimitExceededAsync(entry.Scope, entry.Configuration.Id, over, ct);
            }

            if (over && entry.LastIncrease is { } resource)
            {
                alerts.Add(new LicenseOperationFailure
                {
                    AccountId = entry.Scope.AccountId,
                    Region = entry.Scope.Region,
                    LicenseConfigurationId = entry.Configuration.Id,
                    ResourceArn = resource.Arn,
                    ResourceType = resource.Type,
                    ResourceOwnerId = resource.Owner,
                    ErrorMessage =
                        $"License configuration '{entry.Configuration.Name}' ({entry.Configuration.Arn}) is over its soft limit: " +
                        $"{entry.Consumed} {LicenseCountingTypeNames.ToWire(entry.Configuration.CountingType)} licenses in use, " +
                        $"{entry.Configuration.LicenseCount} licensed. The operation was allowed.",
                    FailureTime = now,
                    OperationName = operation.Name,
                    OperationRequestedBy = operation.RequestedBy,
                    Metadata = [new FailureMetadata(FailureMetadataNames.Outcome, FailureMetadataNames.SoftLimitExceeded)],
                });
            }
        }

        return alerts;
    }

    public static LicenseRefusalException Refusal(
        Entry entry, LicenseRefusalKind kind, string message, string resourceArn, LicenseResourceType type, string owner)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Configuration, kind, message, resourceArn, type, owner);
    }

    private async Task<PlannedUse> PlanDemandAsync(
        Entry entry, LicenseDemand demand, string? hostArn, string resourceArn, LicenseResourceType type, string owner)
    {
        var additional = demand.Count;
        LicenseUsage? hostRow = null;
        if (demand.PerHost)
        {
            hostRow = await tx.FindUsageAsync(entry.Scope, entry.Configuration.Id, hostArn!, ct);
            if (hostRow is not null && hostRow.CountsAt(now, entry.Rules.LicenseAffinityToHostDays))
            {
                // The host holds these licenses already (in use, or kept by affinity): nothing more to count.
                additional = 0;
            }
        }

        if (LicenseCounter.HardLimitShortfall(entry.Configuration, entry.Consumed, additional) is { } shortfall)
        {
            throw Refusal(entry, LicenseRefusalKind.HardLimit, shortfall, resourceArn, type, owner);
        }

        return new PlannedUse(entry, demand.Count, additional, demand.PerHost, hostRow);
    }

    private async Task ApplyHostRowAsync(PlannedUse use, Scope hostScope, string hostId)
    {
        var entry = use.Entry;
        var hostArn = Ec2Ids.HostArn(hostScope, hostId);
        var row = use.Additional == 0 && use.HostRow is { } held
            ? held with { ReleasedAt = null, ResourceStatus = "available" }
            : new LicenseUsage
            {
                AccountId = entry.Scope.AccountId,
                Region = entry.Scope.Region,
                LicenseConfigurationId = entry.Configuration.Id,
                ResourceArn = hostArn,
                ResourceType = LicenseResourceType.Ec2Host,
                ResourceId = hostId,
                ResourceOwnerId = hostScope.AccountId,
                HostId = hostId,
                Consumed = use.Count,
                ResourceStatus = "available",
                ConsumedAt = now,
            };
        await tx.UpsertUsageAsync(row, ct);
    }

    private async Task ReleaseRowAsync(LicenseUsage row, Scope resourceScope)
    {
        await tx.DeleteUsageAsync(row.Scope, row.LicenseConfigurationId, row.ResourceArn, ct);
        var entry = await GetAsync(row.Scope, row.LicenseConfigurationId);
        if (entry is null)
        {
            return;
        }

        if (row.CountsAt(now, entry.Rules.LicenseAffinityToHostDays))
        {
            entry.Consumed -= row.Consumed;
        }

        entry.Touched = true;
        if (row.HostId is { } hostId && row.ResourceType == LicenseResourceType.Ec2Instance
            && entry.Configuration.CountingType is LicenseCountingType.Core or LicenseCountingType.Socket)
        {
            await ReleaseHostIfUnusedAsync(row.Scope, row.LicenseConfigurationId, resourceScope, hostId);
        }
    }

    private static void Count(PlannedUse use, string arn, LicenseResourceType type, string owner)
    {
        use.Entry.Consumed += use.Additional;
        use.Entry.Touched = true;
        if (use.Additional > 0)
        {
            use.Entry.LastIncrease = (arn, type, owner);
        }
    }

    /// <summary>A configuration as this transaction sees it.</summary>
    internal sealed class Entry(LicenseConfiguration configuration, LicenseRuleSet rules, long consumed)
    {
        public LicenseConfiguration Configuration { get; } = configuration;

        public LicenseRuleSet Rules { get; } = rules;

        public Scope Scope => Configuration.Scope;

        /// <summary>Licenses that count now, including this transaction's changes.</summary>
        public long Consumed { get; set; } = consumed;

        public bool Touched { get; set; }

        public (string Arn, LicenseResourceType Type, string Owner)? LastIncrease { get; set; }
    }

    /// <summary>One configuration's part of a resource's consumption, checked and not yet written.</summary>
    internal sealed record PlannedUse(Entry Entry, long Count, long Additional, bool PerHost, LicenseUsage? HostRow);
}
