using Licentia.Core.LicenseConfigurations;
using Licentia.Core.LicenseConfigurations.Products;
using Licentia.Core.Tagging;

namespace Licentia.Core.Inventory.Discovery;

/// <summary>One application of a server's AWS:Application inventory.</summary>
public sealed record DiscoveredApplication(string Name, string Publisher, string Version);

/// <summary>What automated discovery knows of a managed server: its owner, platform, software and tags.</summary>
public sealed record DiscoveredServer
{
    public required string AccountId { get; init; }

    public string PlatformName { get; init; } = string.Empty;

    public string PlatformType { get; init; } = string.Empty;

    public IReadOnlyList<DiscoveredApplication> Applications { get; init; } = [];

    public IReadOnlyList<string> LicenseIncluded { get; init; } = [];

    public IReadOnlyList<Tag> Tags { get; init; } = [];

    /// <summary>The applications of an AWS:Application inventory item (entries without a Name are skipped).</summary>
    public static IReadOnlyList<DiscoveredApplication> ApplicationsOf(InventoryItem? item) =>
        item is null
            ? []
            : [.. item.Content
                .Where(e => e.TryGetValue("Name", out var name) && name.Length > 0)
                .Select(e => new DiscoveredApplication(e["Name"], Value(e, "Publisher"), Value(e, "Version")))];

    private static string Value(IReadOnlyDictionary<string, string> entry, string key) => entry.TryGetValue(key, out var v) ? v : string.Empty;
}

/// <summary>
/// Whether a managed server matches a configuration's SSM_MANAGED ProductInformation, as automated discovery
/// decides it. Filters are ANDed; a filter's values are ORed. The Application Name, Publisher and Version filters
/// must all hold for one and the same application. Platform Name and Platform Type compare with the server's
/// platform; License Included with its license-included software (EQUALS or NOT_EQUALS); Tag:&lt;key&gt; and AccountId
/// (NOT_EQUALS only) exclude servers carrying the tag (any value when no values are given) or owned by the accounts.
/// Values compare case-sensitively. Other resource types (RDS) match nothing here.
/// </summary>
public static class ProductInformationMatcher
{
    private const string ApplicationName = "Application Name";
    private const string ApplicationPublisher = "Application Publisher";
    private const string ApplicationVersion = "Application Version";
    private const string PlatformName = "Platform Name";
    private const string PlatformType = "Platform Type";
    private const string LicenseIncluded = "License Included";

    /// <summary>True when the server matches at least one of the configuration's SSM_MANAGED product entries.</summary>
    public static bool MatchesAny(IReadOnlyList<ProductInformation> products, DiscoveredServer server)
    {
        ArgumentNullException.ThrowIfNull(products);
        return products.Any(p => Matches(p, server));
    }

    public static bool Matches(ProductInformation product, DiscoveredServer server)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(server);
        if (product.ResourceType != ProductInformationTable.SsmManaged)
        {
            return false;
        }

        var applicationFilters = product.Filters.Where(f => f.Name is ApplicationName or ApplicationPublisher or ApplicationVersion).ToList();
        if (applicationFilters.Count > 0 && !server.Applications.Any(a => applicationFilters.All(f => Holds(f, ApplicationValue(a, f.Name)))))
        {
            return false;
        }

        foreach (var filter in product.Filters.Except(applicationFilters))
        {
            var holds = filter.Name switch
            {
                PlatformName => Holds(filter, server.PlatformName),
                PlatformType => Holds(filter, server.PlatformType),
                LicenseIncluded => filter.Comparator == ProductInformationTable.NotEqualsComparator
                    ? !server.LicenseIncluded.Any(filter.Values.Contains)
                    : server.LicenseIncluded.Any(filter.Values.Contains),
                ProductInformationTable.AccountIdFilter => !filter.Values.Contains(server.AccountId),
                _ when filter.Name.StartsWith(ProductInformationTable.TagFilterPrefix, StringComparison.Ordinal) => !TagExcludes(filter, server.Tags),
                _ => false,
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }

    private static string ApplicationValue(DiscoveredApplication application, string filterName) => filterName switch
    {
        ApplicationName => application.Name,
        ApplicationPublisher => application.Publisher,
        _ => application.Version,
    };

    private static bool Holds(ProductInformationFilter filter, string value) =>
        filter.Comparator == ProductInformationTable.NotEqualsComparator
            ? !filter.Values.Contains(value, StringComparer.Ordinal)
            : filter.Values.Contains(value, StringComparer.Ordinal);

    private static bool TagExcludes(ProductInformationFilter filter, IReadOnlyList<Tag> tags)
    {
        var key = filter.Name[ProductInformationTable.TagFilterPrefix.Length..];
        return tags.Any(t => string.Equals(t.Key, key, StringComparison.Ordinal)
            && (filter.Values.Count == 0 || filter.Values.Contains(t.Value, StringComparer.Ordinal)));
    }
}
