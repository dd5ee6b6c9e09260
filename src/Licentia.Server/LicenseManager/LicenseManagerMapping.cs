using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Licensing;
using Licentia.Core.Tagging;
using Dto = Licentia.Aws.LicenseManager;

namespace Licentia.Server.LicenseManager;

/// <summary>Between the generated wire shapes and the core's records; no rules here.</summary>
internal static class LicenseManagerMapping
{
    /// <summary>The wire's name/values filters, shared by every License Manager list operation.</summary>
    public static List<ListFilter>? ToFilters(List<Dto.Filter>? filters) =>
        filters?.Select(f => new ListFilter(f.Name ?? "", f.Values ?? [])).ToList();

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

    public static List<LicenseSpecification>? ToSpecifications(List<Dto.LicenseSpecification>? specifications) =>
        specifications?.Select(s => new LicenseSpecification(s.LicenseConfigurationArn ?? "", s.AmiAssociationScope)).ToList();

    public static Dto.LicenseSpecification ToDto(LicenseSpecification s) =>
        new() { LicenseConfigurationArn = s.LicenseConfigurationArn, AmiAssociationScope = s.AmiAssociationScope };

    public static Dto.LicenseConfigurationAssociation ToDto(LicenseAssociation a) => new()
    {
        ResourceArn = a.ResourceArn,
        ResourceType = LicenseResourceTypeNames.ToWire(a.ResourceType),
        ResourceOwnerId = a.ResourceOwnerId,
        AssociationTime = a.AssociatedAt,
        AmiAssociationScope = a.AmiAssociationScope,
    };

    public static Dto.LicenseConfigurationUsage ToDto(LicenseUsage u) => new()
    {
        ResourceArn = u.ResourceArn,
        ResourceType = LicenseResourceTypeNames.ToWire(u.ResourceType),
        ResourceStatus = u.ResourceStatus,
        ResourceOwnerId = u.ResourceOwnerId,
        AssociationTime = u.ConsumedAt,
        ConsumedLicenses = u.Consumed,
    };

    public static Dto.LicenseOperationFailure ToDto(LicenseOperationFailure f) => new()
    {
        ResourceArn = f.ResourceArn,
        ResourceType = LicenseResourceTypeNames.ToWire(f.ResourceType),
        ErrorMessage = f.ErrorMessage,
        FailureTime = f.FailureTime,
        OperationName = f.OperationName,
        ResourceOwnerId = f.ResourceOwnerId,
        OperationRequestedBy = f.OperationRequestedBy,
        MetadataList = [.. f.Metadata.Select(m => new Dto.Metadata { Name = m.Name, Value = m.Value })],
    };

    public static Dto.LicenseConfiguration ToDto(LicenseConfiguration c, LicenseConsumption consumption) => new()
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
        ConsumedLicenses = consumption.ConsumedLicenses,
        Status = LicenseConfigurationStatusNames.ToWire(c.Status),
        OwnerAccountId = c.AccountId,
        ConsumedLicenseSummaryList = [.. consumption.ConsumedLicenseSummaryList.Select(s => new Dto.ConsumedLicenseSummary
        {
            ResourceType = LicenseResourceTypeNames.ToWire(s.ResourceType),
            ConsumedLicenses = s.Count,
        })],
        ManagedResourceSummaryList = [.. consumption.ManagedResourceSummaryList.Select(s => new Dto.ManagedResourceSummary
        {
            ResourceType = LicenseResourceTypeNames.ToWire(s.ResourceType),
            AssociationCount = s.Count,
        })],
        ProductInformationList = ToDto(c.ProductInformation),
        AutomatedDiscoveryInformation = c.DiscoveryLastRunTime is { } run ? new Dto.AutomatedDiscoveryInformation { LastRunTime = run } : null,
        LicenseExpiry = c.LicenseExpiry,
    };

    public static Dto.GetLicenseConfigurationResponse ToGetResponse(LicenseConfiguration c, LicenseConsumption consumption, IReadOnlyList<Tag> tags)
    {
        var dto = ToDto(c, consumption);
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
