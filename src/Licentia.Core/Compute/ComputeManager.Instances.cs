using Licentia.Core.Compute.Errors;
using Licentia.Core.Compute.Hosts;
using Licentia.Core.Compute.Images;
using Licentia.Core.Compute.Instances;
using Licentia.Core.Compute.InstanceTypes;
using Licentia.Core.Compute.LaunchTemplates;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Licensing;
using Licentia.Core.Paging;

namespace Licentia.Core.Compute;

/// <summary>RunInstances, DescribeInstances, Start/Stop/TerminateInstances and ModifyInstancePlacement.</summary>
public sealed partial class ComputeManager
{
    private static readonly IReadOnlyList<string> InstanceFilters =
        ["instance-id", "instance-state-name", "instance-type", "image-id", "host-id", "tenancy"];

    /// <summary>
    /// RunInstances: launches between MinCount and MaxCount instances, as many as the hosts and the hard
    /// limits allow. Every configuration that applies (the image's associations, the launch template's
    /// and the request's) is checked and consumed in one transaction; if fewer than MinCount fit, nothing
    /// is created and the refusal is recorded. DryRun checks everything and throws <see cref="DryRunOperation"/>.
    /// </summary>
    public async Task<RunInstancesResult> RunInstancesAsync(Scope scope, RunInstancesCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        LaunchTemplateData? template = null;
        string? templateId = null;
        if (command.LaunchTemplate is { } reference)
        {
            var (found, version) = await ResolveLaunchTemplateAsync(scope, reference, ct);
            template = version.Data;
            templateId = found.Id;
        }

        var imageId = command.ImageId ?? template?.ImageId
            ?? throw new MissingParameter("The request must contain the parameter ImageId.");
        if (!Ec2Ids.IsId(Ec2Ids.ImagePrefix, imageId))
        {
            throw new InvalidAmiIdMalformed($"Invalid id: \"{imageId}\" (expecting \"ami-...\")");
        }

        var typeInfo = InstanceType(command.InstanceType ?? template?.InstanceType ?? DefaultInstanceType);
        var placement = ValidatePlacement(command.Placement ?? template?.Placement ?? new Placement());
        var cpuOptions = ValidateCpuOptions(command.CpuOptions ?? template?.CpuOptions, typeInfo);
        if (command.MinCount < 1 || command.MaxCount < command.MinCount)
        {
            throw new InvalidParameterValue(
                $"MinCount ({command.MinCount}) must be at least 1 and MaxCount ({command.MaxCount}) at least MinCount.");
        }

        if (command.MaxCount > _quotas.InstancesPerLaunch)
        {
            throw new InstanceLimitExceeded(
                $"You asked for {command.MaxCount} instances; at most {_quotas.InstancesPerLaunch} can be launched in one request.");
        }

        var explicitArns = ParseLicenseArns(scope, command.LicenseConfigurationArns.Concat(template?.LicenseConfigurationArns ?? []));
        var explicitIds = explicitArns.Select(a => (a.Scope, a.Id)).ToHashSet();

        return await _runner.RunAsync(Operation(scope, "RunInstances"), async ledger =>
        {
            var tx = ledger.Transaction;
            var image = await tx.FindImageAsync(scope.Region, scope.AccountId, imageId, ct);
            if (image is not { State: ImageState.Available })
            {
                throw new InvalidAmiIdNotFound($"The image id '[{imageId}]' does not exist");
            }

            async Task<IReadOnlySet<(Scope Scope, string Id)>> Discover()
            {
                var found = new HashSet<(Scope, string)>(explicitIds);
                foreach (var association in await tx.AssociationsOfResourceAsync(scope.Region, scope.AccountId, image.Arn, ct))
                {
                    found.Add((association.Scope, association.LicenseConfigurationId));
                }

                return found;
            }

            var configurations = await Discover();
            LicensingLock[] otherLocks = placement.Tenancy == Tenancy.Host ? [LicensingLock.HostPlacement(scope)] : [];
            await LicensingRunner.LockVerifiedAsync(tx, otherLocks, Discover, configurations, ct);

            var entries = new List<LicenseLedger.Entry>();
            foreach (var (configurationScope, id) in configurations.OrderBy(c => c.Id, StringComparer.Ordinal))
            {
                var isExplicit = explicitIds.Contains((configurationScope, id));
                var entry = await ledger.GetAsync(configurationScope, id);
                if (entry is null)
                {
                    if (isExplicit)
                    {
                        throw new InvalidParameterValue(
                            $"License configuration '{LicenseConfigurationArn.Format(configurationScope, id)}' does not exist in this account and Region.");
                    }

                    continue;
                }

                if (entry.Configuration.Status == LicenseConfigurationStatus.Disabled)
                {
                    // A disabled configuration takes no new launches: named explicitly it refuses the launch;
                    // inherited from the image it is no longer tracked.
                    if (isExplicit)
                    {
                        throw LicenseLedger.Refusal(entry, LicenseRefusalKind.Disabled,
                            $"License configuration '{entry.Configuration.Name}' ({entry.Configuration.Arn}) is disabled and cannot be used for new launches.",
                            image.Arn, LicenseResourceType.Ec2Ami, image.AccountId);
                    }

                    continue;
                }

                entries.Add(entry);
            }

            if (entries.Count > _quotas.LicenseConfigurationsPerResource)
            {
                throw new InvalidParameterValue(
                    $"{entries.Count} license configurations apply to this launch; at most {_quotas.LicenseConfigurationsPerResource} may be associated with one resource.");
            }

            var reservationId = Ec2Ids.NewId(Ec2Ids.ReservationPrefix, _random);
            var launched = new List<Ec2Instance>();
            for (var i = 0; i < command.MaxCount; i++)
            {
                try
                {
                    launched.Add(await LaunchOneAsync(ledger, scope, image, typeInfo, placement, cpuOptions, entries, reservationId, templateId, ct));
                }
                catch (Exception e) when (i >= command.MinCount && e is LicenseRefusalException or InsufficientHostCapacity)
                {
                    // MinCount are running; EC2 launches as many more as fit and stops there.
                    break;
                }
            }

            if (command.DryRun)
            {
                throw new DryRunOperation("Request would have succeeded, but DryRun flag is set.");
            }

            return new RunInstancesResult(reservationId, scope.AccountId, launched);
        }, MapRefusal, recordFailures: !command.DryRun, ct);
    }

    /// <summary>DescribeInstances, in launch order. Named ids that do not exist are an error, as in EC2.</summary>
    public async Task<Page<Ec2Instance>> DescribeInstancesAsync(Scope scope, DescribeInstancesCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireIds(command.InstanceIds, Ec2Ids.InstancePrefix, MalformedInstance);
        if (command.InstanceIds is { Count: > 0 } named)
        {
            var missing = new List<string>();
            foreach (var id in named.Distinct(StringComparer.Ordinal))
            {
                if (await _compute.FindInstanceAsync(scope, id, ct) is null)
                {
                    missing.Add(id);
                }
            }

            if (missing.Count > 0)
            {
                throw InstancesNotFound(missing);
            }
        }

        var query = new InstanceQuery
        {
            Ids = command.InstanceIds is { Count: > 0 } ids ? ids : null,
            Limit = PageSize(command.MaxResults),
            After = command.After,
        };
        query = ApplyFilters(query, command.Filters, InstanceFilters, (q, name, values) => name switch
        {
            "instance-id" => q with { Ids = Intersect(q.Ids, values) },
            "instance-state-name" => q with { States = [.. values.Select(InstanceStateNames.Parse)] },
            "instance-type" => q with { InstanceTypes = values },
            "image-id" => q with { ImageIds = values },
            "host-id" => q with { HostIds = values },
            _ => q with { Tenancies = [.. values.Select(PlacementNames.ParseTenancy)] },
        });
        return await _compute.ListInstancesAsync(scope, query, ct);
    }

    /// <summary>StartInstances: stopped instances consume their licenses again (refused at a hard limit: then none starts).</summary>
    public Task<IReadOnlyList<InstanceStateChange>> StartInstancesAsync(Scope scope, IReadOnlyList<string> instanceIds, bool dryRun, CancellationToken ct) =>
        ChangeStatesAsync(scope, instanceIds, dryRun, "StartInstances", async (ledger, instance) =>
        {
            if (instance.State is InstanceState.Running or InstanceState.Pending)
            {
                return (instance, new InstanceStateChange(instance.Id, instance.State, instance.State));
            }

            var now = ledger.Now;
            var starting = instance.BeginStart(now);
            var typeInfo = InstanceType(instance.InstanceType);
            var host = await PlaceAsync(ledger.Transaction, scope, starting.Placement, typeInfo, restart: true, ct);
            starting = starting with { Placement = starting.Placement with { HostId = host?.Id } };
            var entries = new List<LicenseLedger.Entry>();
            foreach (var association in await ledger.Transaction.AssociationsOfResourceAsync(instance.Region, instance.AccountId, instance.Arn, ct))
            {
                // A disabled configuration stops tracking: the instance starts without consuming from it.
                if (await ledger.GetAsync(association.Scope, association.LicenseConfigurationId) is { } entry
                    && entry.Configuration.Status == LicenseConfigurationStatus.Available)
                {
                    entries.Add(entry);
                }
            }

            var plan = await ledger.PlanAsync(entries, starting, Facts(starting, typeInfo, host));
            await ledger.ApplyAsync(plan, starting);
            return (starting.MarkRunning(), new InstanceStateChange(instance.Id, instance.State, InstanceState.Pending));
        }, ct);

    /// <summary>StopInstances: running instances release their licenses.</summary>
    public Task<IReadOnlyList<InstanceStateChange>> StopInstancesAsync(Scope scope, IReadOnlyList<string> instanceIds, bool dryRun, CancellationToken ct) =>
        ChangeStatesAsync(scope, instanceIds, dryRun, "StopInstances", async (ledger, instance) =>
        {
            if (instance.State == InstanceState.Stopped)
            {
                return (instance, new InstanceStateChange(instance.Id, instance.State, instance.State));
            }

            var stopping = instance.BeginStop(ledger.Now);
            await ledger.ReleaseInstanceAsync(stopping);
            return (stopping.CompleteStop(), new InstanceStateChange(instance.Id, instance.State, InstanceState.Stopping));
        }, ct);

    /// <summary>TerminateInstances: instances release their licenses and lose their associations.</summary>
    public Task<IReadOnlyList<InstanceStateChange>> TerminateInstancesAsync(Scope scope, IReadOnlyList<string> instanceIds, bool dryRun, CancellationToken ct) =>
        ChangeStatesAsync(scope, instanceIds, dryRun, "TerminateInstances", async (ledger, instance) =>
        {
            if (instance.State == InstanceState.Terminated)
            {
                return (instance, new InstanceStateChange(instance.Id, instance.State, instance.State));
            }

            var tx = ledger.Transaction;
            var terminating = instance.BeginTerminate(ledger.Now);
            await ledger.ReleaseInstanceAsync(terminating);
            foreach (var association in await tx.AssociationsOfResourceAsync(instance.Region, instance.AccountId, instance.Arn, ct))
            {
                await tx.DeleteAssociationAsync(association.Scope, association.LicenseConfigurationId, instance.Arn, ct);
            }

            return (terminating.CompleteTermination(), new InstanceStateChange(instance.Id, instance.State, InstanceState.ShuttingDown));
        }, ct);

    /// <summary>ModifyInstancePlacement: changes tenancy, host, affinity or host resource group of a stopped instance.</summary>
    public async Task ModifyInstancePlacementAsync(Scope scope, ModifyInstancePlacementCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Ec2Ids.IsId(Ec2Ids.InstancePrefix, command.InstanceId))
        {
            throw MalformedInstance(command.InstanceId);
        }

        if (command.HostId is not null && !Ec2Ids.IsId(Ec2Ids.HostPrefix, command.HostId))
        {
            throw new InvalidHostIdMalformed($"Invalid id: \"{command.HostId}\" (expecting \"h-...\")");
        }

        await _runner.RunAsync(Operation(scope, "ModifyInstancePlacement"), async ledger =>
        {
            var tx = ledger.Transaction;
            await tx.LockAsync([LicensingLock.Instance(scope, command.InstanceId), LicensingLock.HostPlacement(scope)], ct);
            var instance = await tx.FindInstanceAsync(scope, command.InstanceId, ct) ?? throw InstancesNotFound([command.InstanceId]);
            var current = instance.Placement;
            var tenancy = command.Tenancy is not null ? PlacementNames.ParseTenancy(command.Tenancy)
                : command.HostId is not null ? Tenancy.Host
                : current.Tenancy;
            var placement = ValidatePlacement(current with
            {
                Tenancy = tenancy,
                HostId = tenancy == Tenancy.Host ? command.HostId ?? current.HostId : null,
                Affinity = command.Affinity is not null ? PlacementNames.ParseAffinity(command.Affinity)
                    : tenancy == Tenancy.Host ? current.Affinity : HostAffinity.Default,
                HostResourceGroupArn = command.HostResourceGroupArn ?? current.HostResourceGroupArn,
            });
            var moved = instance.MoveTo(placement);
            if (placement.HostId is { } hostId)
            {
                var host = await tx.FindHostAsync(scope, hostId, ct) ?? throw HostNotFound(hostId);
                var typeInfo = InstanceType(instance.InstanceType);
                if (host.State != HostState.Available)
                {
                    throw new IncorrectHostState($"The Dedicated Host '{hostId}' is released.");
                }

                if (!host.Accepts(typeInfo.InstanceType, typeInfo.Family))
                {
                    throw new InvalidParameterValue(
                        $"The Dedicated Host '{hostId}' takes {host.InstanceType ?? host.InstanceFamily + " instances"}, not {typeInfo.InstanceType}.");
                }

                moved = moved with { Placement = placement with { AvailabilityZone = host.AvailabilityZone } };
            }

            if (!await tx.TryUpdateInstanceAsync(moved with { Version = instance.Version + 1 }, instance.Version, ct))
            {
                throw new InvalidOperationException($"Instance {instance.Id} changed under its lock.");
            }

            return true;
        }, MapRefusal, recordFailures: true, ct);
    }

    /// <summary>One transaction for all the instances: either every change happens or none.</summary>
    private async Task<IReadOnlyList<InstanceStateChange>> ChangeStatesAsync(
        Scope scope,
        IReadOnlyList<string> instanceIds,
        bool dryRun,
        string operation,
        Func<LicenseLedger, Ec2Instance, Task<(Ec2Instance Stored, InstanceStateChange Change)>> change,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(instanceIds);
        if (instanceIds.Count == 0)
        {
            throw new MissingParameter("The request must contain the parameter InstanceId.");
        }

        RequireIds(instanceIds, Ec2Ids.InstancePrefix, MalformedInstance);
        var ids = instanceIds.Distinct(StringComparer.Ordinal).ToList();
        return await _runner.RunAsync(Operation(scope, operation), async ledger =>
        {
            var tx = ledger.Transaction;
            async Task<(List<Ec2Instance> Instances, IReadOnlySet<(Scope Scope, string Id)> Configurations)> Read()
            {
                var instances = new List<Ec2Instance>();
                var missing = new List<string>();
                var configurations = new HashSet<(Scope, string)>();
                foreach (var id in ids)
                {
                    if (await tx.FindInstanceAsync(scope, id, ct) is not { } instance)
                    {
                        missing.Add(id);
                        continue;
                    }

                    instances.Add(instance);
                    foreach (var association in await tx.AssociationsOfResourceAsync(scope.Region, scope.AccountId, instance.Arn, ct))
                    {
                        configurations.Add((association.Scope, association.LicenseConfigurationId));
                    }

                    foreach (var usage in await tx.UsagesOfResourceAsync(scope.Region, scope.AccountId, instance.Arn, ct))
                    {
                        configurations.Add((usage.Scope, usage.LicenseConfigurationId));
                    }
                }

                return missing.Count > 0 ? throw InstancesNotFound(missing) : (instances, configurations);
            }

            var (_, found) = await Read();
            var locks = ids.Select(id => LicensingLock.Instance(scope, id)).Append(LicensingLock.HostPlacement(scope)).ToList();
            await LicensingRunner.LockVerifiedAsync(tx, locks, async () => (await Read()).Configurations, found, ct);
            var (instances, _) = await Read();

            var changes = new List<InstanceStateChange>();
            foreach (var instance in instances)
            {
                var (stored, stateChange) = await change(ledger, instance);
                if (!ReferenceEquals(stored, instance)
                    && !await tx.TryUpdateInstanceAsync(stored with { Version = instance.Version + 1 }, instance.Version, ct))
                {
                    throw new InvalidOperationException($"Instance {instance.Id} changed under its lock.");
                }

                changes.Add(stateChange);
            }

            if (dryRun)
            {
                throw new DryRunOperation("Request would have succeeded, but DryRun flag is set.");
            }

            return (IReadOnlyList<InstanceStateChange>)changes;
        }, MapRefusal, recordFailures: !dryRun, ct);
    }

    private async Task<Ec2Instance> LaunchOneAsync(
        LicenseLedger ledger,
        Scope scope,
        Ec2Image image,
        InstanceTypeInfo typeInfo,
        Placement placement,
        CpuOptions? cpuOptions,
        IReadOnlyList<LicenseLedger.Entry> entries,
        string reservationId,
        string? templateId,
        CancellationToken ct)
    {
        var tx = ledger.Transaction;
        var now = ledger.Now;
        var host = await PlaceAsync(tx, scope, placement, typeInfo, restart: false, ct);
        var instance = new Ec2Instance
        {
            Id = Ec2Ids.NewId(Ec2Ids.InstancePrefix, _random),
            AccountId = scope.AccountId,
            Region = scope.Region,
            ReservationId = reservationId,
            ImageId = image.Id,
            InstanceType = typeInfo.InstanceType,
            Placement = placement with
            {
                HostId = host?.Id,
                AvailabilityZone = host?.AvailabilityZone ?? placement.AvailabilityZone ?? scope.Region + "a",
            },
            CpuOptions = cpuOptions,
            State = InstanceState.Pending,
            LaunchTime = now,
            Licenses = [.. entries.Select(e => e.Configuration.Arn)],
            PlatformDetails = image.PlatformDetails,
            UsageOperation = image.UsageOperation,
            UsageOperationUpdateTime = image.UsageOperationUpdateTime,
            LaunchTemplateId = templateId,
        };

        // Check every configuration first: a refusal must leave nothing of this instance behind.
        var plan = await ledger.PlanAsync(entries, instance, Facts(instance, typeInfo, host));
        await tx.InsertInstanceAsync(instance.MarkRunning(), ct);
        foreach (var entry in entries)
        {
            await tx.InsertAssociationAsync(new LicenseAssociation
            {
                AccountId = entry.Scope.AccountId,
                Region = entry.Scope.Region,
                LicenseConfigurationId = entry.Configuration.Id,
                LicenseConfigurationArn = entry.Configuration.Arn,
                ResourceArn = instance.Arn,
                ResourceType = LicenseResourceType.Ec2Instance,
                ResourceId = instance.Id,
                ResourceOwnerId = instance.AccountId,
                AssociatedAt = now,
            }, ct);
        }

        await ledger.ApplyAsync(plan, instance);
        return instance;
    }

    /// <summary>
    /// The Dedicated Host an instance of host tenancy runs on: the named one (which must accept the type and
    /// have room), or else the first available host with auto-placement on that does. Null for other tenancies.
    /// On a restart with default affinity, another host is chosen when the old one cannot take it.
    /// </summary>
    private async Task<DedicatedHost?> PlaceAsync(
        ILicensingTransaction tx, Scope scope, Placement placement, InstanceTypeInfo typeInfo, bool restart, CancellationToken ct)
    {
        if (placement.Tenancy != Tenancy.Host)
        {
            return null;
        }

        if (placement.HostId is { } hostId)
        {
            var host = await tx.FindHostAsync(scope, hostId, ct) ?? throw HostNotFound(hostId);
            string? problem = null;
            if (host.State != HostState.Available)
            {
                problem = $"The Dedicated Host '{hostId}' is released.";
            }
            else if (!host.Accepts(typeInfo.InstanceType, typeInfo.Family))
            {
                throw new InvalidParameterValue(
                    $"The Dedicated Host '{hostId}' takes {host.InstanceType ?? host.InstanceFamily + " instances"}, not {typeInfo.InstanceType}.");
            }
            else if (await FreeVCpusAsync(tx, host, ct) < typeInfo.DefaultVCpus)
            {
                problem = $"Insufficient capacity on Dedicated Host '{hostId}' for a {typeInfo.InstanceType} ({typeInfo.DefaultVCpus} vCPUs).";
            }

            if (problem is null)
            {
                return host;
            }

            if (!restart || placement.Affinity == HostAffinity.Host)
            {
                throw host.State != HostState.Available ? new IncorrectHostState(problem) : new InsufficientHostCapacity(problem);
            }
        }

        foreach (var candidate in await tx.AvailableHostsAsync(scope, ct))
        {
            if (candidate.AutoPlacement
                && candidate.Accepts(typeInfo.InstanceType, typeInfo.Family)
                && (placement.AvailabilityZone is null || placement.AvailabilityZone == candidate.AvailabilityZone)
                && await FreeVCpusAsync(tx, candidate, ct) >= typeInfo.DefaultVCpus)
            {
                return candidate;
            }
        }

        throw new InsufficientHostCapacity(
            $"There is no available Dedicated Host with auto-placement on and room for a {typeInfo.InstanceType} " +
            $"({typeInfo.DefaultVCpus} vCPUs){(placement.AvailabilityZone is { } zone ? " in " + zone : string.Empty)}.");
    }

    private async Task<int> FreeVCpusAsync(ILicensingTransaction tx, DedicatedHost host, CancellationToken ct)
    {
        var used = 0;
        foreach (var instance in await tx.InstancesOnHostAsync(host.Scope, host.Id, ct))
        {
            used += _catalog.FindInstanceType(instance.InstanceType)?.DefaultVCpus ?? 0;
        }

        return host.TotalVCpus - used;
    }

    private static ResourceFacts Facts(Ec2Instance instance, InstanceTypeInfo typeInfo, DedicatedHost? host) => new()
    {
        Tenancy = instance.Placement.LicenseTenancy,
        DefaultVCpus = typeInfo.DefaultVCpus,
        DefaultCores = typeInfo.DefaultCores,
        CpuOptions = instance.CpuOptions,
        Host = host is null ? null : new HostFacts(host.Id, host.Sockets, host.PhysicalCores),
    };

    private InstanceTypeInfo InstanceType(string instanceType) =>
        _catalog.FindInstanceType(instanceType) ?? throw new InvalidParameterValue($"Invalid value '{instanceType}' for InstanceType.");

    private static Placement ValidatePlacement(Placement placement)
    {
        if (placement.HostId is { } hostId && !Ec2Ids.IsId(Ec2Ids.HostPrefix, hostId))
        {
            throw new InvalidHostIdMalformed($"Invalid id: \"{hostId}\" (expecting \"h-...\")");
        }

        if (placement.HostId is not null && placement.Tenancy != Tenancy.Host)
        {
            throw new InvalidParameterCombination("A host id can be given only with tenancy 'host'.");
        }

        if (placement.Affinity == HostAffinity.Host && placement.Tenancy != Tenancy.Host)
        {
            throw new InvalidParameterCombination("Affinity 'host' needs tenancy 'host'.");
        }

        return placement;
    }

    private static CpuOptions? ValidateCpuOptions(CpuOptions? options, InstanceTypeInfo typeInfo)
    {
        if (options is null)
        {
            return null;
        }

        if (options.CoreCount < 1 || options.CoreCount > typeInfo.DefaultCores)
        {
            throw new InvalidParameterValue(
                $"CPU option core count {options.CoreCount} is not valid for {typeInfo.InstanceType}: use 1 to {typeInfo.DefaultCores}.");
        }

        if (options.ThreadsPerCore < 1 || options.ThreadsPerCore > typeInfo.DefaultThreadsPerCore)
        {
            throw new InvalidParameterValue(
                $"CPU option threads per core {options.ThreadsPerCore} is not valid for {typeInfo.InstanceType}: use 1 to {typeInfo.DefaultThreadsPerCore}.");
        }

        return options;
    }

    private static InvalidInstanceIdMalformed MalformedInstance(string id) => new($"Invalid id: \"{id}\" (expecting \"i-...\")");

    private static InvalidInstanceIdNotFound InstancesNotFound(List<string> ids) =>
        new(ids.Count == 1
            ? $"The instance ID '{ids[0]}' does not exist"
            : $"The instance IDs '{string.Join(", ", ids)}' do not exist");

    private static InvalidHostIdNotFound HostNotFound(string id) => new($"The Dedicated Host ID '{id}' does not exist.");
}
