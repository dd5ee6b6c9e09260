using Licentia.Core.LicenseConfigurations;

namespace Licentia.Storage.Documents;

/// <summary>
/// The part of a license configuration that no query filters on, stored as one JSON document.
/// Scope, id, ARN, counting type, the flags that ListLicenseConfigurations filters by, version and
/// timestamps are columns instead; they are not repeated here so there is one source of truth.
/// </summary>
internal sealed record LicenseConfigurationDocument(
    string Name,
    string? Description,
    long? LicenseCount,
    IReadOnlyList<string> Rules,
    string Status,
    bool DisassociateWhenNotFound,
    IReadOnlyList<ProductInformationDocument> ProductInformation,
    long? LicenseExpiry,
    DateTimeOffset? DiscoveryLastRunTime)
{
    public static LicenseConfigurationDocument From(LicenseConfiguration c) => new(
        c.Name,
        c.Description,
        c.LicenseCount,
        c.Rules,
        StoredNames.Of(c.Status),
        c.DisassociateWhenNotFound,
        [.. c.ProductInformation.Select(ProductInformationDocument.From)],
        c.LicenseExpiry,
        c.DiscoveryLastRunTime);
}

internal sealed record ProductInformationDocument(string ResourceType, IReadOnlyList<ProductInformationFilterDocument> Filters)
{
    public static ProductInformationDocument From(ProductInformation p) =>
        new(p.ResourceType, [.. p.Filters.Select(f => new ProductInformationFilterDocument(f.Name, f.Values, f.Comparator))]);

    public ProductInformation ToDomain() =>
        new(ResourceType, [.. Filters.Select(f => new ProductInformationFilter(f.Name, f.Values, f.Comparator))]);
}

internal sealed record ProductInformationFilterDocument(string Name, IReadOnlyList<string> Values, string Comparator);
