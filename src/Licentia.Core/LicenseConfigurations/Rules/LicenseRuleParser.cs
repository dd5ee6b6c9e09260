using System.Globalization;
using Licentia.Core.Errors;

namespace Licentia.Core.LicenseConfigurations.Rules;

/// <summary>
/// Reads <c>#name=value</c> license rules and checks them against <see cref="LicenseRuleTable"/>.
/// Every refusal is an <see cref="InvalidParameterValueException"/> that names the rule and says what is allowed.
/// </summary>
public static class LicenseRuleParser
{
    /// <summary>Parses the rules of a configuration that counts <paramref name="countingType"/>.</summary>
    public static LicenseRuleSet Parse(IReadOnlyList<string>? rules, LicenseCountingType countingType)
    {
        if (rules is null || rules.Count == 0)
        {
            return LicenseRuleSet.Empty;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var set = LicenseRuleSet.Empty;
        foreach (var rule in rules)
        {
            var (name, value) = Split(rule);
            if (!LicenseRuleNames.All.Contains(name))
            {
                throw Invalid($"License rule '{rule}' names an unknown rule '{name}'. " + Available(countingType));
            }

            if (!LicenseRuleTable.IsAllowed(name, countingType))
            {
                throw Invalid(
                    $"License rule '{name}' is not available for counting type {LicenseCountingTypeNames.ToWire(countingType)}. " +
                    Available(countingType));
            }

            if (!seen.Add(name))
            {
                throw Invalid($"License rule '{name}' is given more than once; give each rule at most once.");
            }

            set = Apply(set, name, value, countingType);
        }

        CheckRange(LicenseRuleNames.MinimumVcpus, set.MinimumVcpus, LicenseRuleNames.MaximumVcpus, set.MaximumVcpus);
        CheckRange(LicenseRuleNames.MinimumCores, set.MinimumCores, LicenseRuleNames.MaximumCores, set.MaximumCores);
        CheckRange(LicenseRuleNames.MinimumSockets, set.MinimumSockets, LicenseRuleNames.MaximumSockets, set.MaximumSockets);
        return set;
    }

    /// <summary>The typed rules of a stored configuration (they were validated when stored).</summary>
    public static LicenseRuleSet ForConfiguration(LicenseConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Parse(configuration.Rules, configuration.CountingType);
    }

    private static (string Name, string Value) Split(string? rule)
    {
        if (string.IsNullOrEmpty(rule))
        {
            throw Invalid("A license rule is empty. Write rules as #name=value, for example #minimumCores=4.");
        }

        var equals = rule.IndexOf('=', StringComparison.Ordinal);
        if (rule[0] != '#' || equals < 2 || equals == rule.Length - 1 || rule.IndexOf('=', equals + 1) >= 0
            || rule.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw Invalid(
                $"License rule '{rule}' is malformed. Write rules as #name=value without spaces, for example #minimumCores=4.");
        }

        return (rule[1..equals], rule[(equals + 1)..]);
    }

    private static LicenseRuleSet Apply(LicenseRuleSet set, string name, string value, LicenseCountingType countingType) => name switch
    {
        LicenseRuleNames.MinimumVcpus => set with { MinimumVcpus = PositiveInteger(name, value) },
        LicenseRuleNames.MaximumVcpus => set with { MaximumVcpus = PositiveInteger(name, value) },
        LicenseRuleNames.MinimumCores => set with { MinimumCores = PositiveInteger(name, value) },
        LicenseRuleNames.MaximumCores => set with { MaximumCores = PositiveInteger(name, value) },
        LicenseRuleNames.MinimumSockets => set with { MinimumSockets = PositiveInteger(name, value) },
        LicenseRuleNames.MaximumSockets => set with { MaximumSockets = PositiveInteger(name, value) },
        LicenseRuleNames.LicenseAffinityToHost => set with { LicenseAffinityToHostDays = AffinityDays(value) },
        LicenseRuleNames.HonorVcpuOptimization => set with { HonorVcpuOptimization = TrueOrFalse(name, value) },
        LicenseRuleNames.AllowedTenancy => set with { AllowedTenancies = Tenancies(value, countingType) },
        _ => throw new InvalidOperationException($"Rule '{name}' is in the table but has no parser."),
    };

    private static int PositiveInteger(string name, string value)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            throw Invalid($"License rule '{name}' has the value '{value}'; it must be a whole number from 1 to {int.MaxValue}.");
        }

        return number;
    }

    private static int AffinityDays(string value)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days)
            || days < LicenseRuleTable.MinAffinityDays || days > LicenseRuleTable.MaxAffinityDays)
        {
            throw Invalid(
                $"License rule '{LicenseRuleNames.LicenseAffinityToHost}' has the value '{value}'; it must be a number of days " +
                $"from {LicenseRuleTable.MinAffinityDays} to {LicenseRuleTable.MaxAffinityDays}.");
        }

        return days;
    }

    private static bool TrueOrFalse(string name, string value) =>
        bool.TryParse(value, out var flag)
            ? flag
            : throw Invalid($"License rule '{name}' has the value '{value}'; it must be True or False.");

    // Several tenancies may be allowed at once (the console offers a multi-select); on the wire they
    // are one rule with the names separated by '|', e.g. #allowedTenancy=EC2-Default|EC2-DedicatedHost.
    private static Ec2Tenancy[] Tenancies(string value, LicenseCountingType countingType)
    {
        var allowed = LicenseRuleTable.TenanciesFor(countingType);
        var allowedText = string.Join(", ", allowed.Select(Ec2TenancyNames.ToWire));
        var result = new List<Ec2Tenancy>();
        foreach (var part in value.Split('|'))
        {
            if (!Ec2TenancyNames.TryParse(part, out var tenancy))
            {
                throw Invalid(
                    $"License rule '{LicenseRuleNames.AllowedTenancy}' names an unknown tenancy '{part}'. " +
                    $"Allowed for {LicenseCountingTypeNames.ToWire(countingType)}: {allowedText} (several separated by '|').");
            }

            if (!allowed.Contains(tenancy))
            {
                throw Invalid(
                    $"License rule '{LicenseRuleNames.AllowedTenancy}' cannot allow {Ec2TenancyNames.ToWire(tenancy)} when counting " +
                    $"{LicenseCountingTypeNames.ToWire(countingType)}: Dedicated Hosts are required when counting cores or sockets. " +
                    $"Allowed: {allowedText}.");
            }

            if (result.Contains(tenancy))
            {
                throw Invalid($"License rule '{LicenseRuleNames.AllowedTenancy}' names {Ec2TenancyNames.ToWire(tenancy)} more than once.");
            }

            result.Add(tenancy);
        }

        return [.. result];
    }

    private static void CheckRange(string minimumName, int? minimum, string maximumName, int? maximum)
    {
        if (minimum > maximum)
        {
            throw Invalid(
                $"License rule '{minimumName}' ({minimum}) is greater than '{maximumName}' ({maximum}); the minimum must not exceed the maximum.");
        }
    }

    private static string Available(LicenseCountingType countingType) =>
        $"Rules available for {LicenseCountingTypeNames.ToWire(countingType)}: {string.Join(", ", LicenseRuleTable.RulesFor(countingType))}.";

    private static InvalidParameterValueException Invalid(string message) => new(message);
}
