using Licentia.Core.Compute.Instances;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.LicenseConfigurations.Rules;

namespace Licentia.Core.Licensing;

/// <summary>Why a configuration refuses a resource.</summary>
public enum LicenseRefusalKind
{
    /// <summary>The configuration is DISABLED and cannot be used for new launches.</summary>
    Disabled,
    /// <summary>#allowedTenancy does not include the resource's tenancy.</summary>
    Tenancy,
    /// <summary>Core and Socket counting need a Dedicated Host.</summary>
    RequiresDedicatedHost,
    /// <summary>The counted vCPUs, cores or sockets are below the #minimum… rule.</summary>
    BelowMinimum,
    /// <summary>The counted vCPUs, cores or sockets are above the #maximum… rule.</summary>
    AboveMaximum,
    /// <summary>The hard limit would be exceeded.</summary>
    HardLimit,
}

/// <summary>The CPU and placement facts of a resource that licensing rules look at.</summary>
public sealed record ResourceFacts
{
    public required Ec2Tenancy Tenancy { get; init; }
    /// <summary>The instance type's default vCPUs.</summary>
    public required int DefaultVCpus { get; init; }
    /// <summary>CPU options the instance was launched with; null for the defaults.</summary>
    public CpuOptions? CpuOptions { get; init; }
    /// <summary>
    /// The instance type's default physical cores, for an instance; null when the resource is a Dedicated Host
    /// itself (then #minimumCores and #maximumCores look at the host's cores).
    /// </summary>
    public int? DefaultCores { get; init; }
    /// <summary>The Dedicated Host the resource is on (or is), if any.</summary>
    public HostFacts? Host { get; init; }
}

public sealed record HostFacts(string HostId, int Sockets, int PhysicalCores);

/// <summary>What a resource needs from one configuration: a count, per instance or once per host; or a refusal.</summary>
public sealed record LicenseDemand(long Count, bool PerHost, LicenseRefusalKind? Refusal, string? Reason)
{
    public bool IsRefused => Refusal is not null;
}

/// <summary>
/// The counting rules, as pure functions. Sources: the AWS License Manager User Guide, "License
/// configuration parameters and rules" and "License type" (counting types, the rules each accepts,
/// vCPU optimization, Dedicated Hosts required for Core and Socket, license affinity to host).
/// <list type="bullet">
/// <item>vCPU: the instance's vCPUs; with <c>#honorVcpuOptimization=True</c> and CPU options, core count x threads per core.</item>
/// <item>Instance: 1 per instance.</item>
/// <item>Core / Socket: the host's physical cores / sockets, once per host however many instances run on it.</item>
/// <item>#minimum… / #maximum…: a resource whose value is outside the range is refused. The rules speak of the
/// cores "of a resource": for an instance, its cores (CPU options' core count, else the type's default), even
/// though Core counting consumes the cores of the host it runs on; for a host, the host's physical cores.</item>
/// <item>#allowedTenancy: a resource of another tenancy is refused.</item>
/// </list>
/// </summary>
public static class LicenseCounter
{
    public static LicenseDemand Evaluate(LicenseConfiguration configuration, LicenseRuleSet rules, ResourceFacts facts)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(facts);
        var type = LicenseCountingTypeNames.ToWire(configuration.CountingType);
        if (!rules.AllowsTenancy(facts.Tenancy))
        {
            return Refuse(LicenseRefusalKind.Tenancy,
                $"its rule #allowedTenancy={string.Join('|', rules.AllowedTenancies!.Select(Ec2TenancyNames.ToWire))} " +
                $"does not allow tenancy {Ec2TenancyNames.ToWire(facts.Tenancy)}");
        }

        switch (configuration.CountingType)
        {
            case LicenseCountingType.VCpu:
            {
                var vcpus = CountedVCpus(rules, facts);
                return Range(vcpus, rules.MinimumVcpus, rules.MaximumVcpus, "vCPUs") ?? new LicenseDemand(vcpus, false, null, null);
            }

            case LicenseCountingType.Instance:
                return Range(facts.DefaultVCpus, rules.MinimumVcpus, rules.MaximumVcpus, "vCPUs") ?? new LicenseDemand(1, false, null, null);

            case LicenseCountingType.Core:
            case LicenseCountingType.Socket:
            {
                if (facts.Host is not { } host)
                {
                    return Refuse(LicenseRefusalKind.RequiresDedicatedHost,
                        $"it counts {type} licenses, which needs the resource to be on a Dedicated Host");
                }

                if (configuration.CountingType == LicenseCountingType.Core)
                {
                    var refused = facts.DefaultCores is { } defaultCores
                        ? Range(facts.CpuOptions?.CoreCount ?? defaultCores, rules.MinimumCores, rules.MaximumCores, "cores")
                        : Range(host.PhysicalCores, rules.MinimumCores, rules.MaximumCores, "physical cores");
                    return refused ?? new LicenseDemand(host.PhysicalCores, true, null, null);
                }

                return Range(host.Sockets, rules.MinimumSockets, rules.MaximumSockets, "sockets")
                    ?? new LicenseDemand(host.Sockets, true, null, null);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(configuration), configuration.CountingType, "Unknown counting type.");
        }
    }

    /// <summary>vCPUs counted for vCPU counting: CPU options' vCPUs only when the configuration honors vCPU optimization.</summary>
    public static int CountedVCpus(LicenseRuleSet rules, ResourceFacts facts)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(facts);
        return rules.HonorVcpuOptimization == true && facts.CpuOptions is { } options ? options.VCpus : facts.DefaultVCpus;
    }

    /// <summary>
    /// Whether <paramref name="additional"/> more licenses fit: always under a soft limit or no limit; under
    /// a hard limit only up to the count. The message names the configuration and the shortfall.
    /// </summary>
    public static string? HardLimitShortfall(LicenseConfiguration configuration, long consumed, long additional)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (additional <= 0 || !configuration.LicenseCountHardLimit || configuration.LicenseCount is not { } limit || consumed + additional <= limit)
        {
            return null;
        }

        var available = Math.Max(0, limit - consumed);
        return $"License configuration '{configuration.Name}' ({configuration.Arn}) has a hard limit of {limit} " +
            $"{LicenseCountingTypeNames.ToWire(configuration.CountingType)} licenses: {consumed} are in use and this needs {additional}, " +
            $"{consumed + additional - limit} more than the {available} available.";
    }

    /// <summary>Whether consumption is over the configured count (the UsageLimitExceeded flag).</summary>
    public static bool IsOverLimit(LicenseConfiguration configuration, long consumed)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.LicenseCount is { } limit && consumed > limit;
    }

    private static LicenseDemand? Range(long value, int? minimum, int? maximum, string what)
    {
        if (value < minimum)
        {
            return Refuse(LicenseRefusalKind.BelowMinimum, $"it needs at least {minimum} {what} and the resource has {value}");
        }

        if (value > maximum)
        {
            return Refuse(LicenseRefusalKind.AboveMaximum, $"it allows at most {maximum} {what} and the resource has {value}");
        }

        return null;
    }

    private static LicenseDemand Refuse(LicenseRefusalKind kind, string reason) => new(0, false, kind, reason);
}
