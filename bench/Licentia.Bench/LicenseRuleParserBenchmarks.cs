using BenchmarkDotNet.Attributes;
using Licentia.Core.Errors;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.LicenseConfigurations.Rules;

namespace Licentia.Bench;

/// <summary>
/// License rule parsing (<see cref="LicenseRuleParser"/>), run on every create and update and
/// whenever stored rules are applied. Baseline: splitting the same rules at '=', the tokenizing
/// any parser does before it checks anything.
/// </summary>
[MemoryDiagnoser]
public class LicenseRuleParserBenchmarks
{
    private static readonly string[] CoreRules = ["#minimumCores=8", "#maximumCores=16", "#allowedTenancy=EC2-DedicatedHost"];

    private static readonly string[] VcpuRules =
        ["#minimumVcpus=2", "#maximumVcpus=64", "#honorVcpuOptimization=True", "#allowedTenancy=EC2-Default|EC2-DedicatedInstance"];

    private static readonly string[] InvalidRules = ["#minimumCores=8", "#maximumCores=0"];

    [Benchmark(Baseline = true, Description = "bare split at = (3 rules)")]
    public int BareSplit()
    {
        var total = 0;
        foreach (var rule in CoreRules)
        {
            var equals = rule.IndexOf('=', StringComparison.Ordinal);
            total += rule[1..equals].Length + rule[(equals + 1)..].Length;
        }

        return total;
    }

    [Benchmark(Description = "parse 3 Core rules")]
    public LicenseRuleSet ParseCore() => LicenseRuleParser.Parse(CoreRules, LicenseCountingType.Core);

    [Benchmark(Description = "parse 4 vCPU rules")]
    public LicenseRuleSet ParseVcpu() => LicenseRuleParser.Parse(VcpuRules, LicenseCountingType.VCpu);

    [Benchmark(Description = "refuse an invalid rule (exception)")]
    public string ParseInvalid()
    {
        try
        {
            LicenseRuleParser.Parse(InvalidRules, LicenseCountingType.Core);
            throw new InvalidOperationException("an invalid rule was accepted");
        }
        catch (InvalidParameterValueException e)
        {
            return e.Message;
        }
    }
}
