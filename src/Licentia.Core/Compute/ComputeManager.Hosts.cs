using Licentia.Core.Compute.Errors;
using Licentia.Core.Compute.Hosts;
using Licentia.Core.Compute.Instances;
using Licentia.Core.Compute.InstanceTypes;
using Licentia.Core.Licensing;
using Licentia.Core.Paging;

namespace Licentia.Core.Compute;

/// <summary>AllocateHosts, DescribeHosts and ReleaseHosts.</summary>
public sealed partial class ComputeManager
{
    private static readonly IReadOnlyList<string> HostFilters = ["availability-zone", "instance-type", "state", "auto-placement"];

    /// <summary>AllocateHosts: hosts of an instance family (mixed sizes) or of one instance type; returns their ids.</summary>
    public async Task<IReadOnlyList<string>> AllocateHostsAsync(Scope scope, AllocateHostsCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.InstanceType is not null && command.InstanceFamily is not null)
        {
            throw new InvalidParameterCombination("Give either InstanceType or InstanceFamily, not both.");
        }

        string family;
        if (command.InstanceType is { } type)
        {
            family = InstanceType(type).Family;
        }
        else
        {
            family = command.InstanceFamily ?? throw new MissingParameter("The request must contain the parameter InstanceType or InstanceFamily.");
        }

        var hostFamily = _catalog.FindHostFamily(family)
            ?? throw new InvalidParameterValue($"Dedicated Hosts are not offered for instance family '{family}'.");
        if (command.Quantity < 1 || command.Quantity > _quotas.HostsPerAllocation)
        {
            throw new InvalidParameterValue($"Quantity {command.Quantity} is not valid: allocate 1 to {_quotas.HostsPerAllocation} hosts at a time.");
        }

        if (string.IsNullOrEmpty(command.AvailabilityZone)
            || !command.AvailabilityZone.StartsWith(scope.Region, StringComparison.Ordinal)
            || command.AvailabilityZone.Length != scope.Region.Length + 1
            || !char.IsAsciiLetterLower(command.AvailabilityZone[^1]))
        {
            throw new InvalidParameterValue(
                $"Invalid availability zone: [{command.AvailabilityZone}]. Use a zone of {scope.Region}, e.g. {scope.Region}a.");
        }

        var autoPlacement = ParseOnOff(command.AutoPlacement, "AutoPlacement");
        var hostRecovery = ParseOnOff(command.HostRecovery, "HostRecovery");
        var now = _time.GetUtcNow();
        var hosts = Enumerable.Range(0, command.Quantity).Select(_ => new DedicatedHost
        {
            Id = Ec2Ids.NewId(Ec2Ids.HostPrefix, _random),
            AccountId = scope.AccountId,
            Region = scope.Region,
            AvailabilityZone = command.AvailabilityZone,
            InstanceFamily = family,
            InstanceType = command.InstanceType,
            Sockets = hostFamily.Sockets,
            PhysicalCores = hostFamily.PhysicalCores,
            TotalVCpus = hostFamily.TotalVCpus,
            AutoPlacement = autoPlacement,
            HostRecovery = hostRecovery,
            AllocationTime = now,
        }).ToList();
        await _compute.InsertHostsAsync(hosts, ct);
        return [.. hosts.Select(h => h.Id)];
    }

    /// <summary>DescribeHosts: each host with the instances running on it and its free vCPUs.</summary>
    public async Task<Page<HostDescription>> DescribeHostsAsync(Scope scope, DescribeHostsCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireIds(command.HostIds, Ec2Ids.HostPrefix, id => new InvalidHostIdMalformed($"Invalid id: \"{id}\" (expecting \"h-...\")"));
        if (command.HostIds is { Count: > 0 } named)
        {
            foreach (var id in named)
            {
                if (await _compute.FindHostAsync(scope, id, ct) is null)
                {
                    throw HostNotFound(id);
                }
            }
        }

        var query = new HostQuery
        {
            Ids = command.HostIds is { Count: > 0 } ids ? ids : null,
            Limit = PageSize(command.MaxResults),
            After = command.After,
        };
        query = ApplyFilters(query, command.Filters, HostFilters, (q, name, values) => name switch
        {
            "availability-zone" => q with { AvailabilityZones = values },
            "instance-type" => q with { InstanceTypes = values },
            "state" => q with
            {
                States = [.. values.Select(v => v switch
                {
                    "available" => HostState.Available,
                    "released" => HostState.Released,
                    _ => throw new InvalidParameterValue($"Invalid value '{v}' for filter state. Valid values: available, released."),
                })],
            },
            _ => q with { AutoPlacement = values.Count == 1 ? ParseOnOff(values[0], "auto-placement") : null },
        });

        var page = await _compute.ListHostsAsync(scope, query, ct);
        var described = new List<HostDescription>();
        foreach (var host in page.Items)
        {
            var running = await _compute.ListInstancesAsync(
                scope, new InstanceQuery { HostIds = [host.Id], States = [InstanceState.Pending, InstanceState.Running], Limit = MaxPageSize }, ct);
            var used = running.Items.Sum(i => _catalog.FindInstanceType(i.InstanceType)?.DefaultVCpus ?? 0);
            described.Add(new HostDescription(host, [.. running.Items.Select(i => i.Id)], host.State == HostState.Available ? host.TotalVCpus - used : 0));
        }

        return new Page<HostDescription>(described, page.NextCursor);
    }

    /// <summary>
    /// ReleaseHosts: hosts without running instances are released, with their license associations; a
    /// Core or Socket configuration with #licenseAffinityToHost keeps counting the host for the period.
    /// </summary>
    public async Task<ReleaseHostsResult> ReleaseHostsAsync(Scope scope, IReadOnlyList<string> hostIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(hostIds);
        if (hostIds.Count == 0)
        {
            throw new MissingParameter("The request must contain the parameter HostId.");
        }

        return await _runner.RunAsync(Operation(scope, "ReleaseHosts"), async ledger =>
        {
            var tx = ledger.Transaction;
            var ids = hostIds.Distinct(StringComparer.Ordinal).Where(id => Ec2Ids.IsId(Ec2Ids.HostPrefix, id)).ToList();
            async Task<IReadOnlySet<(Scope Scope, string Id)>> Discover()
            {
                var found = new HashSet<(Scope, string)>();
                foreach (var id in ids)
                {
                    var arn = Ec2Ids.HostArn(scope, id);
                    foreach (var association in await tx.AssociationsOfResourceAsync(scope.Region, scope.AccountId, arn, ct))
                    {
                        found.Add((association.Scope, association.LicenseConfigurationId));
                    }
                }

                return found;
            }

            await LicensingRunner.LockVerifiedAsync(tx, [LicensingLock.HostPlacement(scope)], Discover, await Discover(), ct);
            var successful = new List<string>();
            var unsuccessful = new List<UnsuccessfulHostRelease>();
            foreach (var id in hostIds.Distinct(StringComparer.Ordinal))
            {
                if (!Ec2Ids.IsId(Ec2Ids.HostPrefix, id))
                {
                    unsuccessful.Add(new(id, "Client.InvalidHostID.Malformed", $"Invalid id: \"{id}\" (expecting \"h-...\")"));
                    continue;
                }

                var host = await tx.FindHostAsync(scope, id, ct);
                if (host is null)
                {
                    unsuccessful.Add(new(id, "Client.InvalidHostID.NotFound", $"The Dedicated Host ID '{id}' does not exist."));
                    continue;
                }

                if (host.State == HostState.Released)
                {
                    unsuccessful.Add(new(id, "Client.InvalidHostState", $"The Dedicated Host '{id}' is already released."));
                    continue;
                }

                if ((await tx.InstancesOnHostAsync(scope, id, ct)).Count > 0)
                {
                    unsuccessful.Add(new(id, "Client.InvalidHost.Occupied",
                        $"The Dedicated Host '{id}' has running instances. Stop or terminate them before releasing it."));
                    continue;
                }

                foreach (var association in await tx.AssociationsOfResourceAsync(scope.Region, scope.AccountId, host.Arn, ct))
                {
                    await tx.DeleteAssociationAsync(association.Scope, association.LicenseConfigurationId, host.Arn, ct);
                    await ledger.ReleaseHostIfUnusedAsync(association.Scope, association.LicenseConfigurationId, scope, id);
                }

                if (!await tx.TryUpdateHostAsync(host.Release(ledger.Now) with { Version = host.Version + 1 }, host.Version, ct))
                {
                    throw new InvalidOperationException($"Host {id} changed under its lock.");
                }

                successful.Add(id);
            }

            return new ReleaseHostsResult(successful, unsuccessful);
        }, MapRefusal, recordFailures: true, ct);
    }
}
