using Licentia.Core.Errors;

namespace Licentia.Core.LicenseConfigurations;

/// <summary>
/// The filters of ListLicenseConfigurations: <c>licenseCountingType</c> (vCPU | Instance | Core | Socket),
/// <c>enforceLicenseCount</c> and <c>usagelimitExceeded</c> (true | false). Names are matched
/// ignoring case because the model spells them inconsistently (usagelimitExceeded).
/// </summary>
public static class LicenseConfigurationFilters
{
    public const string LicenseCountingType = "licenseCountingType";
    public const string EnforceLicenseCount = "enforceLicenseCount";
    public const string UsageLimitExceeded = "usagelimitExceeded";

    public static IReadOnlyList<string> Names { get; } = [LicenseCountingType, EnforceLicenseCount, UsageLimitExceeded];

    /// <summary>Turns wire filters into query members; throws before anything is read.</summary>
    public static LicenseConfigurationQuery Apply(LicenseConfigurationQuery query, IReadOnlyList<ListFilter>? filters, LicensingQuotas quotas)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(quotas);
        if (filters is null || filters.Count == 0)
        {
            return query;
        }

        if (filters.Count > quotas.FiltersPerRequest)
        {
            throw new FilterLimitExceededException(
                $"{filters.Count} filters were given; at most {quotas.FiltersPerRequest} filters are allowed per request.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var filter in filters)
        {
            var name = Names.FirstOrDefault(n => string.Equals(n, filter?.Name, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidParameterValueException(
                    $"Filter name '{filter?.Name}' is not supported. Supported filters: {string.Join(", ", Names)}.");
            var values = filter!.Values ?? [];
            if (values.Count == 0)
            {
                throw new InvalidParameterValueException($"Filter '{name}' has no values; give at least one.");
            }

            if (values.Count > quotas.ValuesPerFilter)
            {
                throw new FilterLimitExceededException(
                    $"Filter '{name}' has {values.Count} values; at most {quotas.ValuesPerFilter} are allowed per filter.");
            }

            if (!seen.Add(name))
            {
                throw new InvalidParameterValueException($"Filter '{name}' is given more than once; put all its values in one filter.");
            }

            query = name switch
            {
                LicenseCountingType => query with
                {
                    CountingTypes = [.. values.Select(v => LicenseCountingTypeNames.Parse(v, $"Value of filter '{name}'")).Distinct()],
                },
                EnforceLicenseCount => query with { HardLimit = Boolean(name, values) },
                _ => query with { UsageLimitExceeded = Boolean(name, values) },
            };
        }

        return query;
    }

    // Both true and false given means "either": no filtering on that member.
    private static bool? Boolean(string name, IReadOnlyList<string> values)
    {
        var parsed = values
            .Select(v => bool.TryParse(v, out var b)
                ? b
                : throw new InvalidParameterValueException($"Value '{v}' of filter '{name}' is not valid; use true or false."))
            .Distinct()
            .ToArray();
        return parsed.Length == 1 ? parsed[0] : null;
    }
}
