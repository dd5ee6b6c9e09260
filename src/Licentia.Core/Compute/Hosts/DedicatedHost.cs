namespace Licentia.Core.Compute.Hosts;

/// <summary>Whether a host can take instances. Wire names: available, released.</summary>
public enum HostState
{
    Available,
    Released,
}

/// <summary>
/// A Dedicated Host: a physical server of one instance family (or one instance type) in one
/// Availability Zone. Sockets, cores and vCPUs come from the instance-type catalog at allocation.
/// Which instances run on it is not stored here but derived from the instances' placement.
/// </summary>
public sealed record DedicatedHost
{
    /// <summary>h-&lt;17 hex&gt;</summary>
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string Region { get; init; }
    public required string AvailabilityZone { get; init; }
    public required string InstanceFamily { get; init; }
    /// <summary>Set when the host was allocated for one instance type; null for a mixed-size host of the family.</summary>
    public string? InstanceType { get; init; }
    public required int Sockets { get; init; }
    public required int PhysicalCores { get; init; }
    public required int TotalVCpus { get; init; }
    /// <summary>"on": untargeted launches with host tenancy may land here.</summary>
    public bool AutoPlacement { get; init; } = true;
    public bool HostRecovery { get; init; }
    public HostState State { get; init; } = HostState.Available;
    public required DateTimeOffset AllocationTime { get; init; }
    public DateTimeOffset? ReleaseTime { get; init; }
    public long Version { get; init; } = 1;

    public Scope Scope => new(AccountId, Region);

    public string Arn => Ec2Ids.HostArn(Scope, Id);

    /// <summary>Whether an instance of <paramref name="instanceType"/> (of <paramref name="family"/>) fits this host's kind.</summary>
    public bool Accepts(string instanceType, string family) =>
        InstanceType is null ? InstanceFamily == family : InstanceType == instanceType;

    /// <summary>available to released; refused when already released.</summary>
    public DedicatedHost Release(DateTimeOffset now) =>
        State == HostState.Available
            ? this with { State = HostState.Released, ReleaseTime = now }
            : throw new Errors.IncorrectHostState($"The Dedicated Host '{Id}' is already released.");
}

public static class HostStateNames
{
    public static string ToWire(HostState state) => state == HostState.Available ? "available" : "released";
}

/// <summary>A host with what runs on it, for DescribeHosts.</summary>
public sealed record HostDescription(DedicatedHost Host, IReadOnlyList<string> InstanceIds, int AvailableVCpus);

/// <summary>What DescribeHosts asks the store for.</summary>
public sealed record HostQuery
{
    public IReadOnlyList<string>? Ids { get; init; }
    public IReadOnlyList<HostState>? States { get; init; }
    public IReadOnlyList<string>? InstanceFamilies { get; init; }
    public IReadOnlyList<string>? InstanceTypes { get; init; }
    public IReadOnlyList<string>? AvailabilityZones { get; init; }
    public bool? AutoPlacement { get; init; }
    public int Limit { get; init; } = 1000;
    public string? After { get; init; }
}

/// <summary>One host ReleaseHosts could not release, with EC2's reason code.</summary>
public sealed record UnsuccessfulHostRelease(string HostId, string Code, string Message);

/// <summary>The answer of ReleaseHosts.</summary>
public sealed record ReleaseHostsResult(IReadOnlyList<string> Successful, IReadOnlyList<UnsuccessfulHostRelease> Unsuccessful);
