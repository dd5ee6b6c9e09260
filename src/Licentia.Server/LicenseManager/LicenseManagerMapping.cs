using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Tagging;
using Dto = Licentia.Aws.LicenseManager;

namespace Licentia.Server.LicenseManager;

/// <summary>Between the generated wire shapes and the core's records; no rules here.</summary>
internal static class LicenseManagerMapping
{
    public static List<Tag>? ToTags(List<Dto.Tag>? tags) =>
        tags?.Select(t => new Tag(t.Key ?? "", t.Value ?? "")).ToList();

    public static List<Dto.Tag> ToDto(IReadOnlyList<Tag> tags) =>
        [.. tags.Select(t => new Dto.Tag { Key = t.Key, Value = t.Value })];

    public static List<ProductInformation>? ToProductInformation(List<Dto.ProductInformation>? products) =>
        products?.Select(p => new ProductInformation(
            p.ResourceType ?? "",
            [.. (p.ProductInformationFilterList ?? []).Select(f => new ProductInformationFilter(
                f.ProductInformationFilterName ?? "",
                f.ProductInformationFilterValue ?? [],
                f.ProductInformationFilterComparator ?? ""))])).ToList();

    public static Dto.LicenseConfiguration ToDto(LicenseConfiguration c) => new()
    {
        LicenseConfigurationId = c.Id,
        LicenseConfigurationArn = c.Arn,
        Name = c.Name,
        Description = c.Description,
        LicenseCountingType = LicenseCountingTypeNames.ToWire(c.CountingType),
        LicenseRules = [.. c.Rules],
        LicenseCount = c.LicenseCount,
        LicenseCountHardLimit = c.LicenseCountHardLimit,
        DisassociateWhenNotFound = c.DisassociateWhenNotFound,
        ConsumedLicenses = 0,
        Status = LicenseConfigurationStatusNames.ToWire(c.Status),
        OwnerAccountId = c.AccountId,
        ConsumedLicenseSummaryList = [],
        ManagedResourceSummaryList = [],
        ProductInformationList = ToDto(c.ProductInformation),
        AutomatedDiscoveryInformation = c.DiscoveryLastRunTime is { } run ? new Dto.AutomatedDiscoveryInformation { LastRunTime = run } : null,
        LicenseExpiry = c.LicenseExpiry,
    };

    public static Dto.GetLicenseConfigurationResponse ToGetResponse(LicenseConfiguration c, IReadOnlyList<Tag> tags)
    {
        var dto = ToDto(c);
        return new Dto.GetLicenseConfigurationResponse
        {
            LicenseConfigurationId = dto.LicenseConfigurationId,
            LicenseConfigurationArn = dto.LicenseConfigurationArn,
            Name = dto.Name,
            Description = dto.Description,
            LicenseCountingType = dto.LicenseCountingType,
            LicenseRules = dto.LicenseRules,
            LicenseCount = dto.LicenseCount,
            LicenseCountHardLimit = dto.LicenseCountHardLimit,
            ConsumedLicenses = dto.ConsumedLicenses,
            Status = dto.Status,
            OwnerAccountId = dto.OwnerAccountId,
            ConsumedLicenseSummaryList = dto.ConsumedLicenseSummaryList,
            ManagedResourceSummaryList = dto.ManagedResourceSummaryList,
            Tags = ToDto(tags),
            ProductInformationList = dto.ProductInformationList,
            AutomatedDiscoveryInformation = dto.AutomatedDiscoveryInformation,
            DisassociateWhenNotFound = dto.DisassociateWhenNotFound,
            LicenseExpiry = dto.LicenseExpiry,
        };
    }

    private static List<Dto.ProductInformation> ToDto(IReadOnlyList<ProductInformation> products) =>
        [.. products.Select(p => new Dto.ProductInformation
        {
            ResourceType = p.ResourceType,
            ProductInformationFilterList = [.. p.Filters.Select(f => new Dto.ProductInformationFilter
            {
                ProductInformationFilterName = f.Name,
                ProductInformationFilterValue = [.. f.Values],
                ProductInformationFilterComparator = f.Comparator,
            })],
        })];
}
