using Licentia.Core.Errors;
using Licentia.Core.LicenseConfigurations;

namespace Licentia.Core.Entitlements;

/// <summary>
/// The wire filters of the license and grant listings, checked once: names are case-sensitive and must be among
/// those the operation supports (as its API reference lists them), each name at most once, with 1 or more values.
/// </summary>
public static class EntitlementFilters
{
    /// <summary>ListLicenses (API reference): Beneficiary, ProductSKU, Fingerprint, Status.</summary>
    public static IReadOnlyList<string> ListLicenses { get; } = ["Beneficiary", "ProductSKU", "Fingerprint", "Status"];

    /// <summary>ListReceivedLicenses: ProductSKU, Status, Fingerprint, IssuerName, Beneficiary.</summary>
    public static IReadOnlyList<string> ListReceivedLicenses { get; } = ["ProductSKU", "Status", "Fingerprint", "IssuerName", "Beneficiary"];

    /// <summary>ListDistributedGrants: LicenseArn, GrantStatus, GranteePrincipalARN, ProductSKU, LicenseIssuerName.</summary>
    public static IReadOnlyList<string> ListDistributedGrants { get; } = ["LicenseArn", "GrantStatus", "GranteePrincipalARN", "ProductSKU", "LicenseIssuerName"];

    /// <summary>ListReceivedGrants: ProductSKU, LicenseIssuerName, LicenseArn, GrantStatus, GranterAccountId (and GranteePrincipalARN, listed by older references).</summary>
    public static IReadOnlyList<string> ListReceivedGrants { get; } = ["ProductSKU", "LicenseIssuerName", "LicenseArn", "GrantStatus", "GranterAccountId", "GranteePrincipalARN"];

    /// <summary>The filters by name; throws before anything is read.</summary>
    /// <exception cref="InvalidParameterValueException">An unsupported or repeated name, or a filter without values.</exception>
    /// <exception cref="FilterLimitExceededException">Too many filters or values.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Parse(
        IReadOnlyList<ListFilter>? filters, IReadOnlyList<string> supported, LicensingQuotas quotas)
    {
        ArgumentNullException.ThrowIfNull(supported);
        ArgumentNullException.ThrowIfNull(quotas);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (filters is null)
        {
            return result;
        }

        if (filters.Count > quotas.FiltersPerRequest)
        {
            throw new FilterLimitExceededException($"{filters.Count} filters were given; at most {quotas.FiltersPerRequest} filters are allowed per request.");
        }

        foreach (var filter in filters)
        {
            var name = filter?.Name;
            if (name is null || !supported.Contains(name, StringComparer.Ordinal))
            {
                throw new InvalidParameterValueException($"Filter name '{name}' is not supported. Supported filters (case-sensitive): {string.Join(", ", supported)}.");
            }

            var values = filter!.Values ?? [];
            if (values.Count == 0)
            {
                throw new InvalidParameterValueException($"Filter '{name}' has no values; give at least one.");
            }

            if (values.Count > quotas.ValuesPerFilter)
            {
                throw new FilterLimitExceededException($"Filter '{name}' has {values.Count} values; at most {quotas.ValuesPerFilter} are allowed per filter.");
            }

            if (!result.TryAdd(name, [.. values.Distinct(StringComparer.Ordinal)]))
            {
                throw new InvalidParameterValueException($"Filter '{name}' is given more than once; put all its values in one filter.");
            }
        }

        return result;
    }

    /// <summary>The page size: MaxResults (1 or more) lowered to the largest page, or the default.</summary>
    public static int PageSize(int? maxResults, LicensingQuotas quotas)
    {
        ArgumentNullException.ThrowIfNull(quotas);
        if (maxResults < 1)
        {
            throw new InvalidParameterValueException($"MaxResults {maxResults} is not valid; it must be at least 1.");
        }

        return Math.Min(maxResults ?? quotas.DefaultPageSize, quotas.MaxPageSize);
    }

    public static IReadOnlyList<string>? Values(this IReadOnlyDictionary<string, IReadOnlyList<string>> filters, string name) =>
        filters.TryGetValue(name, out var values) ? values : null;
}
