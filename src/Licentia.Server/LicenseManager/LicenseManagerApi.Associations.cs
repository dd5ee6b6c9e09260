using Licentia.Core.LicenseConfigurations;
using Dto = Licentia.Aws.LicenseManager;

namespace Licentia.Server.LicenseManager;

public sealed partial class LicenseManagerApi
{
    public async Task<Dto.UpdateLicenseSpecificationsForResourceResponse> UpdateLicenseSpecificationsForResource(
        Dto.UpdateLicenseSpecificationsForResourceRequest request, CancellationToken ct)
    {
        await associations.UpdateLicenseSpecificationsForResourceAsync(
            caller.Scope,
            request.ResourceArn!,
            LicenseManagerMapping.ToSpecifications(request.AddLicenseSpecifications),
            LicenseManagerMapping.ToSpecifications(request.RemoveLicenseSpecifications),
            ct);
        return new Dto.UpdateLicenseSpecificationsForResourceResponse();
    }

    public async Task<Dto.ListLicenseSpecificationsForResourceResponse> ListLicenseSpecificationsForResource(
        Dto.ListLicenseSpecificationsForResourceRequest request, CancellationToken ct)
    {
        var operation = Operation(nameof(ListLicenseSpecificationsForResource));
        var page = await associations.ListLicenseSpecificationsForResourceAsync(
            caller.Scope, request.ResourceArn!, request.MaxResults, paging.ReadCursor(operation, request, request.NextToken), ct);
        return new Dto.ListLicenseSpecificationsForResourceResponse
        {
            LicenseSpecifications = [.. page.Items.Select(LicenseManagerMapping.ToDto)],
            NextToken = paging.IssueToken(operation, request, page.NextCursor),
        };
    }

    public async Task<Dto.ListAssociationsForLicenseConfigurationResponse> ListAssociationsForLicenseConfiguration(
        Dto.ListAssociationsForLicenseConfigurationRequest request, CancellationToken ct)
    {
        var operation = Operation(nameof(ListAssociationsForLicenseConfiguration));
        var page = await associations.ListAssociationsForLicenseConfigurationAsync(
            caller.Scope, request.LicenseConfigurationArn!, request.MaxResults, paging.ReadCursor(operation, request, request.NextToken), ct);
        return new Dto.ListAssociationsForLicenseConfigurationResponse
        {
            LicenseConfigurationAssociations = [.. page.Items.Select(LicenseManagerMapping.ToDto)],
            NextToken = paging.IssueToken(operation, request, page.NextCursor),
        };
    }

    public async Task<Dto.ListUsageForLicenseConfigurationResponse> ListUsageForLicenseConfiguration(
        Dto.ListUsageForLicenseConfigurationRequest request, CancellationToken ct)
    {
        var operation = Operation(nameof(ListUsageForLicenseConfiguration));
        var page = await associations.ListUsageForLicenseConfigurationAsync(
            caller.Scope,
            request.LicenseConfigurationArn!,
            LicenseManagerMapping.ToFilters(request.Filters),
            request.MaxResults,
            paging.ReadCursor(operation, request, request.NextToken),
            ct);
        return new Dto.ListUsageForLicenseConfigurationResponse
        {
            LicenseConfigurationUsageList = [.. page.Items.Select(LicenseManagerMapping.ToDto)],
            NextToken = paging.IssueToken(operation, request, page.NextCursor),
        };
    }

    public async Task<Dto.ListFailuresForLicenseConfigurationOperationsResponse> ListFailuresForLicenseConfigurationOperations(
        Dto.ListFailuresForLicenseConfigurationOperationsRequest request, CancellationToken ct)
    {
        var operation = Operation(nameof(ListFailuresForLicenseConfigurationOperations));
        var page = await associations.ListFailuresForLicenseConfigurationOperationsAsync(
            caller.Scope, request.LicenseConfigurationArn!, request.MaxResults, paging.ReadCursor(operation, request, request.NextToken), ct);
        return new Dto.ListFailuresForLicenseConfigurationOperationsResponse
        {
            LicenseOperationFailureList = [.. page.Items.Select(LicenseManagerMapping.ToDto)],
            NextToken = paging.IssueToken(operation, request, page.NextCursor),
        };
    }
}
