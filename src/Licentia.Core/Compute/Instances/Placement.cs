using Licentia.Core.Compute.Errors;
using Licentia.Core.LicenseConfigurations.Rules;

namespace Licentia.Core.Compute.Instances;

/// <summary>EC2 tenancy. Wire names: default, dedicated, host.</summary>
public enum Tenancy
{
    Default,
    Dedicated,
    Host,
}

/// <summary>Whether a stopped instance restarts on the same Dedicated Host. Wire names: default, host.</summary>
public enum HostAffinity
{
    Default,
    Host,
}

/// <summary>Where an instance runs.</summary>
public sealed record Placement
{
    public string? AvailabilityZone { get; init; }
    public Tenancy Tenancy { get; init; } = Tenancy.Default;
    public string? HostId { get; init; }
    public HostAffinity Affinity { get; init; } = HostAffinity.Default;
    public string? HostResourceGroupArn { get; init; }

    /// <summary>The tenancy as license rules name it (#allowedTenancy).</summary>
    public Ec2Tenancy LicenseTenancy => Tenancy switch
    {
        Tenancy.Dedicated => Ec2Tenancy.DedicatedInstance,
        Tenancy.Host => Ec2Tenancy.DedicatedHost,
        _ => Ec2Tenancy.Default,
    };
}

public static class PlacementNames
{
    public static string ToWire(Tenancy tenancy) => tenancy switch
    {
        Tenancy.Dedicated => "dedicated",
        Tenancy.Host => "host",
        _ => "default",
    };

    public static Tenancy ParseTenancy(string? text) => text switch
    {
        null or "default" => Tenancy.Default,
        "dedicated" => Tenancy.Dedicated,
        "host" => Tenancy.Host,
        _ => throw new InvalidParameterValue($"Invalid value '{text}' for tenancy. Valid values: default, dedicated, host."),
    };

    public static string ToWire(HostAffinity affinity) => affinity == HostAffinity.Host ? "host" : "default";

    public static HostAffinity ParseAffinity(string? text) => text switch
    {
        null or "default" => HostAffinity.Default,
        "host" => HostAffinity.Host,
        _ => throw new InvalidParameterValue($"Invalid value '{text}' for affinity. Valid values: default, host."),
    };
}

/// <summary>CPU options of an instance: the cores it runs with and the threads per core.</summary>
public sealed record CpuOptions(int CoreCount, int ThreadsPerCore)
{
    public int VCpus => CoreCount * ThreadsPerCore;
}
