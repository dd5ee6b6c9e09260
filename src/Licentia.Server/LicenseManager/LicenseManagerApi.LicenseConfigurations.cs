using Licentia.Core.LicenseConfigurations;
using Dto = Licentia.Aws.LicenseManager;

namespace Licentia.Server.LicenseManager;

public sealed partial class LicenseManagerApi
{
    public async Task<Dto.CreateLicenseConfigurationResponse> CreateLicenseConfiguration(Dto.CreateLicenseConfigurationRequest request, CancellationToken ct)
    {
        var created = await configurations.CreateAsync(caller.Scope, new CreateLicenseConfigurationCommand
        {
            Name = request.Name!,
            Description = request.Description,
            CountingType = LicenseCountingTypeNames.Parse(request.LicenseCountingType!),
            LicenseCount = request.LicenseCount,
            LicenseCountHardLimit = request.LicenseCountHardLimit,
            LicenseRules = request.LicenseRules,
            Tags = LicenseManagerMapping.ToTags(request.Tags),
            DisassociateWhenNotFound = request.DisassociateWhenNotFound,
            ProductInformationList = LicenseManagerMapping.ToProductInformation(request.ProductInformationList),
            LicenseExpiry = request.LicenseExpiry,
        }, ct);
        if (created.ProductInformation.Count > 0)
        {
            // Matching servers show up in seconds, not at the next scheduled discovery run.
            discovery.Signal();
        }

        return new Dto.CreateLicenseConfigurationResponse { LicenseConfigurationArn = created.Arn };
    }

    public async Task<Dto.GetLicenseConfigurationResponse> GetLicenseConfiguration(Dto.GetLicenseConfigurationRequest request, CancellationToken ct)
    {
        var found = await configurations.GetAsync(caller.Scope, request.LicenseConfigurationArn!, ct);
        var consumption = await associations.GetConsumptionAsync(found, ct);
        var tags = await configurations.ListTagsForResourceAsync(caller.Scope, found.Arn, ct);
        return LicenseManagerMapping.ToGetResponse(found, consumption, tags);
    }

    public async Task<Dto.ListLicenseConfigurationsResponse> ListLicenseConfigurations(Dto.ListLicenseConfigurationsRequest request, CancellationToken ct)
    {
        var cursor = paging.ReadCursor(Operation(nameof(ListLicenseConfigurations)), request, request.NextToken);
        var page = await configurations.ListAsync(caller.Scope, new ListLicenseConfigurationsCommand
        {
            LicenseConfigurationArns = request.LicenseConfigurationArns,
            Filters = LicenseManagerMapping.ToFilters(request.Filters),
            MaxResults = request.MaxResults,
            After = cursor,
        }, ct);
        var listed = new List<Dto.LicenseConfiguration>(page.Items.Count);
        foreach (var configuration in page.Items)
        {
            listed.Add(LicenseManagerMapping.ToDto(configuration, await associations.GetConsumptionAsync(configuration, ct)));
        }

        return new Dto.ListLicenseConfigurationsResponse
        {
            LicenseConfigurations = listed,
            NextToken = paging.IssueToken(Operation(nameof(ListLicenseConfigurations)), request, page.NextCursor),
        };
    }

    public async Task<Dto.UpdateLicenseConfigurationResponse> UpdateLicenseConfiguration(Dto.UpdateLicenseConfigurationRequest request, CancellationToken ct)
    {
        await configurations.UpdateAsync(caller.Scope, new UpdateLicenseConfigurationCommand
        {
            LicenseConfigurationArn = request.LicenseConfigurationArn!,
            Status = request.LicenseConfigurationStatus is { } status ? LicenseConfigurationStatusNames.Parse(status) : null,
            LicenseRules = request.LicenseRules,
            LicenseCount = request.LicenseCount,
            LicenseCountHardLimit = request.LicenseCountHardLimit,
            Name = request.Name,
            Description = request.Description,
            ProductInformationList = LicenseManagerMapping.ToProductInformation(request.ProductInformationList),
            DisassociateWhenNotFound = request.DisassociateWhenNotFound,
            LicenseExpiry = request.LicenseExpiry,
        }, ct);
        if (request.ProductInformationList is not null || request.DisassociateWhenNotFound is not null || request.LicenseConfigurationStatus is not null)
        {
            // What discovery matches (or may undo) changed: let it run soon.
            discovery.Signal();
        }

        return new Dto.UpdateLicenseConfigurationResponse();
    }

    public async Task<Dto.DeleteLicenseConfigurationResponse> DeleteLicenseConfiguration(Dto.DeleteLicenseConfigurationRequest request, CancellationToken ct)
    {
        await configurations.DeleteAsync(caller.Scope, request.LicenseConfigurationArn!, ct);
        return new Dto.DeleteLicenseConfigurationResponse();
    }
}
