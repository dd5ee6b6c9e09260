namespace Licentia.Core.LicenseConfigurations.Rules;

/// <summary>
/// Which rules each counting type accepts, after the License Manager user guide ("Self-managed
/// license parameters and rules") and the CreateLicenseConfiguration reference:
/// <list type="bullet">
/// <item>vCPU: allowedTenancy, honorVcpuOptimization, minimumVcpus, maximumVcpus</item>
/// <item>Instance: allowedTenancy, minimumVcpus, maximumVcpus</item>
/// <item>Core: allowedTenancy, licenseAffinityToHost, minimumCores, maximumCores</item>
/// <item>Socket: allowedTenancy, licenseAffinityToHost, minimumSockets, maximumSockets</item>
/// </list>
/// The guide also says Dedicated Hosts are required when counting cores or sockets, so for those two
/// types the only tenancy allowed is EC2-DedicatedHost.
/// </summary>
public static class LicenseRuleTable
{
    /// <summary>licenseAffinityToHost is in days, 1 to 180.</summary>
    public const int MinAffinityDays = 1;
    public const int MaxAffinityDays = 180;

    private static readonly IReadOnlyList<string> VcpuRules =
        [LicenseRuleNames.AllowedTenancy, LicenseRuleNames.HonorVcpuOptimization, LicenseRuleNames.MinimumVcpus, LicenseRuleNames.MaximumVcpus];

    private static readonly IReadOnlyList<string> InstanceRules =
        [LicenseRuleNames.AllowedTenancy, LicenseRuleNames.MinimumVcpus, LicenseRuleNames.MaximumVcpus];

    private static readonly IReadOnlyList<string> CoreRules =
        [LicenseRuleNames.AllowedTenancy, LicenseRuleNames.LicenseAffinityToHost, LicenseRuleNames.MinimumCores, LicenseRuleNames.MaximumCores];

    private static readonly IReadOnlyList<string> SocketRules =
        [LicenseRuleNames.AllowedTenancy, LicenseRuleNames.LicenseAffinityToHost, LicenseRuleNames.MinimumSockets, LicenseRuleNames.MaximumSockets];

    private static readonly IReadOnlyList<Ec2Tenancy> AnyTenancy =
        [Ec2Tenancy.Default, Ec2Tenancy.DedicatedInstance, Ec2Tenancy.DedicatedHost];

    private static readonly IReadOnlyList<Ec2Tenancy> HostOnly = [Ec2Tenancy.DedicatedHost];

    public static IReadOnlyList<string> RulesFor(LicenseCountingType type) => type switch
    {
        LicenseCountingType.VCpu => VcpuRules,
        LicenseCountingType.Instance => InstanceRules,
        LicenseCountingType.Core => CoreRules,
        LicenseCountingType.Socket => SocketRules,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown license counting type."),
    };

    public static bool IsAllowed(string ruleName, LicenseCountingType type) => RulesFor(type).Contains(ruleName);

    public static IReadOnlyList<Ec2Tenancy> TenanciesFor(LicenseCountingType type) =>
        type is LicenseCountingType.Core or LicenseCountingType.Socket ? HostOnly : AnyTenancy;
}
