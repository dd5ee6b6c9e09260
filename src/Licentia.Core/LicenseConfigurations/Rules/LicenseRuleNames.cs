namespace Licentia.Core.LicenseConfigurations.Rules;

/// <summary>The rule names of <c>#name=value</c> license rules, spelled as the API takes them (case-sensitive).</summary>
public static class LicenseRuleNames
{
    public const string MinimumVcpus = "minimumVcpus";
    public const string MaximumVcpus = "maximumVcpus";
    public const string MinimumCores = "minimumCores";
    public const string MaximumCores = "maximumCores";
    public const string MinimumSockets = "minimumSockets";
    public const string MaximumSockets = "maximumSockets";
    public const string LicenseAffinityToHost = "licenseAffinityToHost";
    public const string HonorVcpuOptimization = "honorVcpuOptimization";
    public const string AllowedTenancy = "allowedTenancy";

    public static IReadOnlyList<string> All { get; } =
    [
        AllowedTenancy, HonorVcpuOptimization, LicenseAffinityToHost,
        MinimumVcpus, MaximumVcpus, MinimumCores, MaximumCores, MinimumSockets, MaximumSockets,
    ];
}
