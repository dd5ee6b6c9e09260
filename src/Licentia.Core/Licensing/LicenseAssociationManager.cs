using Licentia.Core.Compute;
using Licentia.Core.Compute.Images;
using Licentia.Core.Compute.Instances;
using Licentia.Core.Compute.InstanceTypes;
using Licentia.Core.Errors;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.LicenseConfigurations.Rules;
using Licentia.Core.Paging;

namespace Licentia.Core.Licensing;

/// <summary>
/// The License Manager operations on associations and usage, one method per operation:
/// UpdateLicenseSpecificationsForResource, ListLicenseSpecificationsForResource,
/// ListAssociationsForLicenseConfiguration, ListUsageForLicenseConfiguration,
/// ListFailuresForLicenseConfigurationOperations, and the consumption members of
/// GetLicenseConfiguration. Errors are License Manager's (<see cref="ServiceException"/>s).
/// </summary>
public sealed partial class LicenseAssociationManager
{
    private static readonly IReadOnlyList<string> UsageFilterNames = ["resourceArn", "resourceType", "resourceAccount"];

    private readonly ILicensingStore _store;
    private readonly ILicenseConfigurationStore _configurations;
    private readonly LicensingQuotas _quotas;
    private readonly TimeProvider _time;
    private readonly InstanceTypeCatalog _catalog;
    private readonly LicensingRunner _runner;
    private readonly TimeSpan _serverInactiveAfter;

    /// <param name="serverInactiveAfter">
    /// A managed server whose agent has not reported for longer than this stops consuming (default 30 days, the
    /// inventory's Inactive ping status).
    /// </param>
    public LicenseAssociationManager(
        ILicensingStore store,
        ILicenseConfigurationStore configurations,
        LicensingQuotas quotas,
        TimeProvider time,
        InstanceTypeCatalog? catalog = null,
        TimeSpan? serverInactiveAfter = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(configurations);
        ArgumentNullException.ThrowIfNull(quotas);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _configurations = configurations;
        _quotas = quotas;
        _time = time;
        _catalog = catalog ?? InstanceTypeCatalog.Default;
        _runner = new LicensingRunner(store, time, quotas);
        _serverInactiveAfter = serverInactiveAfter ?? TimeSpan.FromDays(30);
    }

    /// <summary>How long a managed server may go without reporting before it stops consuming.</summary>
    public TimeSpan ServerInactiveAfter => _serverInactiveAfter;

    /// <summary>
    /// UpdateLicenseSpecificationsForResource: removes, then adds, configurations of an AMI, an instance, a Dedicated
    /// Host or a managed server, in one transaction. Adding to a running instance, a host or an active managed server
    /// consumes at once and is refused at a hard limit with <see cref="LicenseUsageException"/>; removing releases.
    /// Associations made by automated discovery cannot be removed here.
    /// </summary>
    public Task UpdateLicenseSpecificationsForResourceAsync(
        Scope scope,
        string resourceArn,
        IReadOnlyList<LicenseSpecification>? add,
        IReadOnlyList<LicenseSpecification>? remove,
        CancellationToken ct) =>
        ChangeAssociationsAsync(scope, resourceArn, add, remove, AssociationOrigin.Manual,
            new LicensingOperation("UpdateLicenseSpecificationsForResource", scope.AccountId), recordFailures: true, ct);

    /// <summary>
    /// Automated discovery's change of one association, through the same transaction as a caller's: associates (and
    /// consumes) or removes (and releases) an association of its own. A refusal is recorded (unless
    /// <paramref name="recordFailures"/> is false: the job already recorded this one) and thrown as <see cref="LicenseUsageException"/>.
    /// </summary>
    public Task ChangeByDiscoveryAsync(Scope scope, string resourceArn, string configurationArn, bool associate, bool recordFailures, CancellationToken ct)
    {
        IReadOnlyList<LicenseSpecification> one = [new LicenseSpecification(configurationArn)];
        return ChangeAssociationsAsync(scope, resourceArn, associate ? one : null, associate ? null : one, AssociationOrigin.Discovery,
            DiscoveryOperation(scope), recordFailures, ct);
    }

    /// <summary>The operation automated discovery's decisions and failures are recorded under.</summary>
    public static LicensingOperation DiscoveryOperation(Scope scope) => new("AutomatedDiscovery", scope.AccountId);

    private async Task ChangeAssociationsAsync(
        Scope scope,
        string resourceArn,
        IReadOnlyList<LicenseSpecification>? add,
        IReadOnlyList<LicenseSpecification>? remove,
        AssociationOrigin origin,
        LicensingOperation operation,
        bool recordFailures,
        CancellationToken ct)
    {
        var resource = ParseResourceArn(scope, resourceArn);
        var adds = ParseSpecifications(scope, add, "AddLicenseSpecifications", resource.Kind);
        var removes = ParseSpecifications(scope, remove, "RemoveLicenseSpecifications", resource.Kind);
        if (adds.Keys.Intersect(removes.Keys).FirstOrDefault() is { } both)
        {
            throw new InvalidParameterValueException($"License configuration '{LicenseConfigurationArn.Format(scope, both)}' is both added and removed.");
        }

        var configurationIds = adds.Keys.Union(removes.Keys).ToList();
        var locks = configurationIds.Select(id => LicensingLock.Configuration(scope, id)).ToList();
        locks.Add(resource.Kind switch
        {
            LicensedResourceKind.Instance => LicensingLock.Instance(scope, resource.ResourceId),
            LicensedResourceKind.ManagedServer => LicensingLock.ManagedServer(scope, resource.ResourceId),
            _ => LicensingLock.HostPlacement(scope),
        });

        await _runner.RunAsync(operation, async ledger =>
        {
            var tx = ledger.Transaction;
            await tx.LockAsync(locks, ct);
            var (canonicalArn, owner) = await CheckResourceAsync(tx, scope, resource, resourceArn, adding: adds.Count > 0, ct);
            var current = await tx.AssociationsOfResourceAsync(scope.Region, scope.AccountId, canonicalArn, ct);
            var mine = current.Where(a => a.Scope == scope).ToDictionary(a => a.LicenseConfigurationId, StringComparer.Ordinal);
            var instance = resource.Kind == LicensedResourceKind.Instance ? await tx.FindInstanceAsync(scope, resource.ResourceId, ct) : null;
            var host = resource.Kind == LicensedResourceKind.Host ? await tx.FindHostAsync(scope, resource.ResourceId, ct) : null;
            var server = resource.Kind == LicensedResourceKind.ManagedServer ? await tx.FindManagedServerAsync(scope, resource.ResourceId, ct) : null;

            if (origin == AssociationOrigin.Manual
                && removes.Keys.Select(id => mine.GetValueOrDefault(id)).FirstOrDefault(a => a?.Origin == AssociationOrigin.Discovery) is { } tracked)
            {
                throw new InvalidParameterValueException(
                    $"License configuration '{tracked.LicenseConfigurationArn}' tracks '{canonicalArn}' through automated discovery, so it cannot be " +
                    "removed by hand. To stop tracking it, change the configuration's ProductInformationList so that it no longer matches the " +
                    "resource and set DisassociateWhenNotFound to true (UpdateLicenseConfiguration); the next discovery run removes it.");
            }

            // Discovery removes only what it associated; a caller's association stays whatever discovery finds.
            var removed = removes.Keys.Where(id => mine.TryGetValue(id, out var a) && (origin == AssociationOrigin.Manual || a.Origin == origin)).ToList();
            foreach (var id in removed)
            {
                await tx.DeleteAssociationAsync(scope, id, canonicalArn, ct);
                if (instance is not null)
                {
                    await ledger.ReleaseInstanceFromAsync(instance, scope, id);
                }
                else if (host is not null)
                {
                    await ledger.ReleaseHostIfUnusedAsync(scope, id, scope, host.Id);
                }
                else if (server is not null)
                {
                    await ledger.ReleaseFromAsync(server.Scope, server.Arn, scope, id);
                }
            }

            var newOnes = adds.Where(a => !mine.ContainsKey(a.Key)).ToList();
            var count = current.Count - removed.Count + newOnes.Count;
            if (count > _quotas.LicenseConfigurationsPerResource)
            {
                throw new ResourceLimitExceededException(
                    $"Resource '{canonicalArn}' would have {count} license configurations; at most {_quotas.LicenseConfigurationsPerResource} are allowed per resource.");
            }

            foreach (var (id, specification) in newOnes)
            {
                var entry = await ledger.GetAsync(scope, id)
                    ?? throw new InvalidParameterValueException($"License configuration '{specification.LicenseConfigurationArn}' does not exist in this account and Region.");
                if (entry.Configuration.Status == LicenseConfigurationStatus.Disabled)
                {
                    throw LicenseLedger.Refusal(entry, LicenseRefusalKind.Disabled,
                        $"License configuration '{entry.Configuration.Name}' ({entry.Configuration.Arn}) is disabled and cannot be associated with new resources.",
                        canonicalArn, resource.ResourceType, owner);
                }

                if (host is not null && entry.Configuration.CountingType is not (LicenseCountingType.Core or LicenseCountingType.Socket))
                {
                    throw new InvalidParameterValueException(
                        $"License configuration '{entry.Configuration.Arn}' counts {LicenseCountingTypeNames.ToWire(entry.Configuration.CountingType)}; " +
                        "only Core and Socket configurations can be associated with a Dedicated Host.");
                }

                await tx.InsertAssociationAsync(new LicenseAssociation
                {
                    AccountId = scope.AccountId,
                    Region = scope.Region,
                    LicenseConfigurationId = id,
                    LicenseConfigurationArn = entry.Configuration.Arn,
                    ResourceArn = canonicalArn,
                    ResourceType = resource.ResourceType,
                    ResourceId = resource.ResourceId,
                    ResourceOwnerId = owner,
                    AmiAssociationScope = specification.AmiAssociationScope,
                    AssociatedAt = ledger.Now,
                    Origin = origin,
                }, ct);

                if (instance is not null && InstanceStateNames.IsConsuming(instance.State))
                {
                    var typeInfo = _catalog.FindInstanceType(instance.InstanceType)
                        ?? throw new InvalidResourceStateException($"Instance type {instance.InstanceType} of {instance.Id} is unknown.");
                    var onHost = instance.Placement.HostId is { } hostId ? await tx.FindHostAsync(scope, hostId, ct) : null;
                    var facts = new ResourceFacts
                    {
                        Tenancy = instance.Placement.LicenseTenancy,
                        DefaultVCpus = typeInfo.DefaultVCpus,
                        DefaultCores = typeInfo.DefaultCores,
                        CpuOptions = instance.CpuOptions,
                        Host = onHost is null ? null : new HostFacts(onHost.Id, onHost.Sockets, onHost.PhysicalCores),
                    };
                    await ledger.ApplyAsync(await ledger.PlanAsync([entry], instance, facts), instance);
                }
                else if (host is not null)
                {
                    await ledger.ApplyHostAsync(await ledger.PlanHostAsync(entry, host), host);
                }
                else if (server is not null && ManagedServerCounting.IsActive(server, ledger.Now, _serverInactiveAfter)
                    && ManagedServerCounting.Demand(entry.Configuration, entry.Rules, server) is { } demand)
                {
                    await ledger.ApplyServerAsync(await ledger.PlanServerAsync(entry, server, demand), server);
                }
            }

            if (instance is not null)
            {
                var licenses = (await tx.AssociationsOfResourceAsync(scope.Region, scope.AccountId, canonicalArn, ct))
                    .Select(a => a.LicenseConfigurationArn).ToList();
                if (!licenses.SequenceEqual(instance.Licenses)
                    && !await tx.TryUpdateInstanceAsync(instance with { Licenses = licenses, Version = instance.Version + 1 }, instance.Version, ct))
                {
                    throw new ConflictException($"Instance {instance.Id} changed meanwhile; retry.");
                }
            }

            return true;
        }, refusal => new LicenseUsageException(refusal.Message), recordFailures, ct);
    }

    /// <summary>ListLicenseSpecificationsForResource: the configurations associated with the resource that apply to the caller.</summary>
    public async Task<Page<LicenseSpecification>> ListLicenseSpecificationsForResourceAsync(
        Scope scope, string resourceArn, int? maxResults, string? after, CancellationToken ct)
    {
        var resource = ParseResourceArn(scope, resourceArn);
        var canonical = resource.Canonical(scope);
        var page = await _store.ListAssociationsOfResourceAsync(scope.Region, scope.AccountId, canonical, after, PageSize(maxResults), ct);
        return new Page<LicenseSpecification>(
            [.. page.Items.Select(a => new LicenseSpecification(a.LicenseConfigurationArn, a.AmiAssociationScope))], page.NextCursor);
    }

    /// <summary>ListAssociationsForLicenseConfiguration.</summary>
    public async Task<Page<LicenseAssociation>> ListAssociationsForLicenseConfigurationAsync(
        Scope scope, string licenseConfigurationArn, int? maxResults, string? after, CancellationToken ct)
    {
        var configuration = await ResolveConfigurationAsync(scope, licenseConfigurationArn, ct);
        return await _store.ListAssociationsAsync(scope, configuration.Id, after, PageSize(maxResults), ct);
    }

    /// <summary>
    /// ListUsageForLicenseConfiguration: the resources holding licenses now (hosts kept by affinity
    /// included). Filters: resourceArn, resourceType, resourceAccount.
    /// </summary>
    public async Task<Page<LicenseUsage>> ListUsageForLicenseConfigurationAsync(
        Scope scope, string licenseConfigurationArn, IReadOnlyList<ListFilter>? filters, int? maxResults, string? after, CancellationToken ct)
    {
        var configuration = await ResolveConfigurationAsync(scope, licenseConfigurationArn, ct);
        var query = new LicenseUsageQuery
        {
            HeldAfter = LicenseLedger.HeldAfter(LicenseRuleParser.ForConfiguration(configuration), _time.GetUtcNow()),
            Limit = PageSize(maxResults),
            After = after,
        };
        if (filters is { Count: > 0 })
        {
            if (filters.Count > _quotas.FiltersPerRequest)
            {
                throw new FilterLimitExceededException($"{filters.Count} filters were given; at most {_quotas.FiltersPerRequest} are allowed per request.");
            }

            foreach (var filter in filters)
            {
                var values = filter.Values ?? [];
                if (values.Count == 0 || values.Count > _quotas.ValuesPerFilter)
                {
                    throw values.Count == 0
                        ? new InvalidParameterValueException($"Filter '{filter.Name}' has no values; give at least one.")
                        : new FilterLimitExceededException($"Filter '{filter.Name}' has {values.Count} values; at most {_quotas.ValuesPerFilter} are allowed.");
                }

                query = filter.Name switch
                {
                    "resourceArn" => query with { ResourceArns = values },
                    "resourceType" => query with { ResourceTypes = [.. values.Select(v => LicenseResourceTypeNames.Parse(v, "Value of filter 'resourceType'"))] },
                    "resourceAccount" => query with { ResourceOwnerIds = values },
                    _ => throw new InvalidParameterValueException(
                        $"Filter name '{filter.Name}' is not supported. Supported filters: {string.Join(", ", UsageFilterNames)}."),
                };
            }
        }

        return await _store.ListUsagesAsync(scope, configuration.Id, query, ct);
    }

    /// <summary>ListFailuresForLicenseConfigurationOperations: refused operations and soft-limit alerts, oldest first.</summary>
    public async Task<Page<LicenseOperationFailure>> ListFailuresForLicenseConfigurationOperationsAsync(
        Scope scope, string licenseConfigurationArn, int? maxResults, string? after, CancellationToken ct)
    {
        var configuration = await ResolveConfigurationAsync(scope, licenseConfigurationArn, ct);
        return await _store.ListFailuresAsync(scope, configuration.Id, after, PageSize(maxResults), ct);
    }

    /// <summary>ConsumedLicenses, ConsumedLicenseSummaryList and ManagedResourceSummaryList of GetLicenseConfiguration.</summary>
    public async Task<LicenseConsumption> GetConsumptionAsync(Scope scope, string licenseConfigurationArn, CancellationToken ct)
    {
        var configuration = await ResolveConfigurationAsync(scope, licenseConfigurationArn, ct);
        return await GetConsumptionAsync(configuration, ct);
    }

    /// <summary>The consumption of a configuration already read (saves a lookup in GetLicenseConfiguration).</summary>
    public async Task<LicenseConsumption> GetConsumptionAsync(LicenseConfiguration configuration, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var heldAfter = LicenseLedger.HeldAfter(LicenseRuleParser.ForConfiguration(configuration), _time.GetUtcNow());
        var usage = await _store.SummarizeUsageAsync(configuration.Scope, configuration.Id, heldAfter, ct);
        var associations = await _store.SummarizeAssociationsAsync(configuration.Scope, configuration.Id, ct);
        return new LicenseConsumption(usage.Sum(u => u.Count), usage, associations);
    }

    private int PageSize(int? maxResults)
    {
        if (maxResults is < 1)
        {
            throw new InvalidParameterValueException($"MaxResults {maxResults} is not valid; it must be at least 1.");
        }

        return Math.Min(maxResults ?? _quotas.DefaultPageSize, _quotas.MaxPageSize);
    }

    private async Task<LicenseConfiguration> ResolveConfigurationAsync(Scope scope, string? arnText, CancellationToken ct)
    {
        var arn = LicenseConfigurationArn.Parse(arnText);
        var configuration = arn.Scope == scope ? await _configurations.FindAsync(scope, arn.Id, ct) : null;
        return configuration ?? throw new InvalidParameterValueException($"License configuration '{arnText}' does not exist in this account and Region.");
    }

    private static LicensedResourceArn ParseResourceArn(Scope scope, string? text)
    {
        if (!LicensedResourceArn.TryParse(text, out var resource))
        {
            throw new InvalidParameterValueException(
                $"ResourceArn '{text}' is not the ARN of an AMI (arn:aws:ec2:<region>::image/ami-…), an instance " +
                "(arn:aws:ec2:<region>:<account>:instance/i-…), a Dedicated Host (…:dedicated-host/h-…) or a managed server " +
                "(arn:aws:ssm:<region>:<account>:managed-instance/mi-…).");
        }

        if (resource.Region != scope.Region || (resource.Kind != LicensedResourceKind.Image && resource.AccountId != scope.AccountId))
        {
            throw new InvalidParameterValueException($"Resource '{text}' does not exist in this account and Region.");
        }

        return resource;
    }

    private static async Task<(string Arn, string Owner)> CheckResourceAsync(
        ILicensingTransaction tx, Scope scope, LicensedResourceArn resource, string text, bool adding, CancellationToken ct)
    {
        switch (resource.Kind)
        {
            case LicensedResourceKind.Image:
                var image = await tx.FindImageAsync(scope.Region, scope.AccountId, resource.ResourceId, ct)
                    ?? throw new InvalidParameterValueException($"Resource '{text}' does not exist in this account and Region.");
                if (adding && image.State != ImageState.Available)
                {
                    throw new InvalidResourceStateException($"Image {image.Id} is deregistered; licenses cannot be associated with it.");
                }

                return (image.Arn, image.AccountId);
            case LicensedResourceKind.Instance:
                var instance = await tx.FindInstanceAsync(scope, resource.ResourceId, ct)
                    ?? throw new InvalidParameterValueException($"Resource '{text}' does not exist in this account and Region.");
                if (instance.State is InstanceState.Terminated or InstanceState.ShuttingDown)
                {
                    throw new InvalidResourceStateException(
                        $"Instance {instance.Id} is {InstanceStateNames.ToWire(instance.State)}; its license specifications cannot change.");
                }

                return (instance.Arn, instance.AccountId);
            case LicensedResourceKind.ManagedServer:
                var server = await tx.FindManagedServerAsync(scope, resource.ResourceId, ct)
                    ?? throw new InvalidParameterValueException(
                        $"Resource '{text}' does not exist in this account and Region: no managed server {resource.ResourceId} is registered.");
                return (server.Arn, server.AccountId);
            default:
                var host = await tx.FindHostAsync(scope, resource.ResourceId, ct)
                    ?? throw new InvalidParameterValueException($"Resource '{text}' does not exist in this account and Region.");
                if (adding && host.State != Compute.Hosts.HostState.Available)
                {
                    throw new InvalidResourceStateException($"Dedicated Host {host.Id} is released; licenses cannot be associated with it.");
                }

                return (host.Arn, host.AccountId);
        }
    }

    private static Dictionary<string, LicenseSpecification> ParseSpecifications(
        Scope scope, IReadOnlyList<LicenseSpecification>? specifications, string parameterName, LicensedResourceKind kind)
    {
        var parsed = new Dictionary<string, LicenseSpecification>(StringComparer.Ordinal);
        foreach (var specification in specifications ?? [])
        {
            var arn = LicenseConfigurationArn.Parse(specification.LicenseConfigurationArn, $"{parameterName} member");
            if (arn.Scope != scope)
            {
                throw new InvalidParameterValueException(
                    $"License configuration '{specification.LicenseConfigurationArn}' does not exist in this account and Region.");
            }

            if (specification.AmiAssociationScope is { } amiScope
                && (amiScope != AmiAssociationScopes.CrossAccount || kind != LicensedResourceKind.Image))
            {
                throw new InvalidParameterValueException(
                    $"AmiAssociationScope '{amiScope}' is not valid here: the only value is '{AmiAssociationScopes.CrossAccount}', for AMIs.");
            }

            parsed[arn.Id] = specification;
        }

        return parsed;
    }
}
