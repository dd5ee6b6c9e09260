namespace Licentia.Core.LicenseConfigurations.Rules;

/// <summary>
/// The license rules of a configuration in typed form, for the counting engine. A null member means
/// the rule was not given. Build one with <see cref="LicenseRuleParser"/>.
/// </summary>
public sealed record LicenseRuleSet
{
    public static LicenseRuleSet Empty { get; } = new();

    public int? MinimumVcpus { get; init; }
    public int? MaximumVcpus { get; init; }
    public int? MinimumCores { get; init; }
    public int? MaximumCores { get; init; }
    public int? MinimumSockets { get; init; }
    public int? MaximumSockets { get; init; }

    /// <summary>Days a license stays with a host after first use (Core and Socket only).</summary>
    public int? LicenseAffinityToHostDays { get; init; }

    /// <summary>True: count the vCPUs of CPU options; false: the instance type's default vCPUs.</summary>
    public bool? HonorVcpuOptimization { get; init; }

    /// <summary>Tenancies a consuming resource may have; null allows every tenancy.</summary>
    public IReadOnlyList<Ec2Tenancy>? AllowedTenancies { get; init; }

    public bool IsEmpty => this == Empty;

    /// <summary>Whether <paramref name="tenancy"/> may consume licenses under these rules.</summary>
    public bool AllowsTenancy(Ec2Tenancy tenancy) => AllowedTenancies is null || AllowedTenancies.Contains(tenancy);

    // Records compare lists by reference; compare tenancies by content so that two parses of the same
    // rules are equal.
    public bool Equals(LicenseRuleSet? other) =>
        other is not null
        && MinimumVcpus == other.MinimumVcpus && MaximumVcpus == other.MaximumVcpus
        && MinimumCores == other.MinimumCores && MaximumCores == other.MaximumCores
        && MinimumSockets == other.MinimumSockets && MaximumSockets == other.MaximumSockets
        && LicenseAffinityToHostDays == other.LicenseAffinityToHostDays
        && HonorVcpuOptimization == other.HonorVcpuOptimization
        && (AllowedTenancies is null
            ? other.AllowedTenancies is null
            : other.AllowedTenancies is not null && AllowedTenancies.SequenceEqual(other.AllowedTenancies));

    public override int GetHashCode() => HashCode.Combine(
        HashCode.Combine(MinimumVcpus, MaximumVcpus, MinimumCores, MaximumCores, MinimumSockets, MaximumSockets),
        LicenseAffinityToHostDays,
        HonorVcpuOptimization,
        AllowedTenancies?.Count);
}
