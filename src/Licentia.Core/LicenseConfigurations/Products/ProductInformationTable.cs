namespace Licentia.Core.LicenseConfigurations.Products;

/// <summary>
/// Resource types, filter names, comparators and fixed values of ProductInformation, as the
/// License Manager API reference (ProductInformation.ProductInformationFilterList) lists them.
/// Names and comparators are matched exactly, as the API spells them.
/// </summary>
public static class ProductInformationTable
{
    public const string SsmManaged = "SSM_MANAGED";
    public const string Rds = "RDS";

    public const string EqualsComparator = "EQUALS";
    public const string NotEqualsComparator = "NOT_EQUALS";

    /// <summary>SSM_MANAGED filter whose name carries the tag key: <c>Tag:name-of-your-key</c>.</summary>
    public const string TagFilterPrefix = "Tag:";
    public const string AccountIdFilter = "AccountId";
    public const string EngineEditionFilter = "Engine Edition";
    public const string LicensePackFilter = "License Pack";

    public static IReadOnlyList<string> ResourceTypes { get; } = [SsmManaged, Rds];

    private static readonly IReadOnlyList<string> EqualsOnly = [EqualsComparator];
    private static readonly IReadOnlyList<string> NotEqualsOnly = [NotEqualsComparator];

    private static readonly IReadOnlyList<ProductFilterSpec> SsmManagedFilters =
    [
        new("Application Name", EqualsOnly),
        new("Application Publisher", EqualsOnly),
        new("Application Version", EqualsOnly),
        new("Platform Name", EqualsOnly),
        new("Platform Type", EqualsOnly),
        // Excludes resources carrying the tag; without values, any value of the key excludes.
        new(TagFilterPrefix + "<key>", NotEqualsOnly, ValuesOptional: true),
        // Excludes accounts from discovery; values are 12-digit account ids.
        new(AccountIdFilter, NotEqualsOnly),
        new("License Included", [EqualsComparator, NotEqualsComparator],
            ["sql-server-enterprise", "sql-server-standard", "sql-server-web", "windows-server-datacenter"]),
    ];

    private static readonly IReadOnlyList<ProductFilterSpec> RdsFilters =
    [
        new(EngineEditionFilter, EqualsOnly, ["oracle-ee", "oracle-se", "oracle-se1", "oracle-se2"]),
        new(LicensePackFilter, EqualsOnly, ["data guard", "diagnostic pack sqlt", "tuning pack sqlt", "ols", "olap"]),
    ];

    public static bool IsResourceType(string? resourceType) => resourceType is SsmManaged or Rds;

    /// <summary>The filters of a resource type (Tag filters appear once, as <c>Tag:&lt;key&gt;</c>).</summary>
    public static IReadOnlyList<ProductFilterSpec> FiltersFor(string resourceType) => resourceType switch
    {
        SsmManaged => SsmManagedFilters,
        Rds => RdsFilters,
        _ => throw new ArgumentOutOfRangeException(nameof(resourceType), resourceType, "Unknown product resource type."),
    };

    /// <summary>The spec a filter name falls under, or null if the resource type has no such filter.</summary>
    public static ProductFilterSpec? Find(string resourceType, string? filterName)
    {
        if (string.IsNullOrEmpty(filterName))
        {
            return null;
        }

        if (resourceType == SsmManaged && filterName.StartsWith(TagFilterPrefix, StringComparison.Ordinal))
        {
            return filterName.Length > TagFilterPrefix.Length
                ? SsmManagedFilters.Single(f => f.Name.StartsWith(TagFilterPrefix, StringComparison.Ordinal))
                : null;
        }

        return FiltersFor(resourceType).FirstOrDefault(f => f.Name == filterName);
    }
}
