using Licentia.Core.Entitlements.Licenses;
using Dto = Licentia.Aws.LicenseManager;

namespace Licentia.Server.LicenseManager;

public sealed partial class LicenseManagerApi
{
    public async Task<Dto.CreateLicenseResponse> CreateLicense(Dto.CreateLicenseRequest request, CancellationToken ct)
    {
        var created = await licenses.CreateLicenseAsync(caller.Scope, new CreateLicenseCommand
        {
            Content = EntitlementMapping.ToContent(
                request.LicenseName, request.ProductName, request.Issuer, request.HomeRegion, request.Validity,
                request.Entitlements, request.ConsumptionConfiguration, request.LicenseMetadata),
            ProductSku = request.ProductSKU ?? "",
            Beneficiary = request.Beneficiary ?? "",
            Tags = LicenseManagerMapping.ToTags(request.Tags),
        }, ct);
        return new Dto.CreateLicenseResponse
        {
            LicenseArn = created.License.Arn,
            Status = LicenseStatusNames.ToWire(created.Status),
            Version = EntitlementMapping.Number(created.Version.Number),
        };
    }

    public async Task<Dto.CreateLicenseVersionResponse> CreateLicenseVersion(Dto.CreateLicenseVersionRequest request, CancellationToken ct)
    {
        var created = await licenses.CreateLicenseVersionAsync(caller.Scope, new CreateLicenseVersionCommand
        {
            LicenseArn = request.LicenseArn!,
            Content = EntitlementMapping.ToContent(
                request.LicenseName, request.ProductName, request.Issuer, request.HomeRegion, request.Validity,
                request.Entitlements, request.ConsumptionConfiguration, request.LicenseMetadata),
            Status = LicenseStatusNames.Parse(request.Status),
            SourceVersion = request.SourceVersion,
            ResetUsage = request.ResetUsage ?? false,
        }, ct);
        return new Dto.CreateLicenseVersionResponse
        {
            LicenseArn = created.License.Arn,
            Status = LicenseStatusNames.ToWire(created.Status),
            Version = EntitlementMapping.Number(created.Version.Number),
        };
    }

    public async Task<Dto.GetLicenseResponse> GetLicense(Dto.GetLicenseRequest request, CancellationToken ct)
    {
        var view = await licenses.GetLicenseAsync(caller.Scope, request.LicenseArn!, request.Version, ct);
        return new Dto.GetLicenseResponse { License = EntitlementMapping.ToDto(view) };
    }

    public async Task<Dto.ListLicensesResponse> ListLicenses(Dto.ListLicensesRequest request, CancellationToken ct)
    {
        var operation = Operation(nameof(ListLicenses));
        var page = await licenses.ListLicensesAsync(caller.Scope, new ListLicensesCommand
        {
            LicenseArns = request.LicenseArns,
            Filters = LicenseManagerMapping.ToFilters(request.Filters),
            MaxResults = request.MaxResults,
            After = paging.ReadCursor(operation, request, request.NextToken),
        }, ct);
        return new Dto.ListLicensesResponse
        {
            Licenses = [.. page.Items.Select(EntitlementMapping.ToDto)],
            NextToken = paging.IssueToken(operation, request, page.NextCursor),
        };
    }

    public async Task<Dto.ListLicenseVersionsResponse> ListLicenseVersions(Dto.ListLicenseVersionsRequest request, CancellationToken ct)
    {
        var operation = Operation(nameof(ListLicenseVersions));
        var page = await licenses.ListLicenseVersionsAsync(
            caller.Scope, request.LicenseArn!, request.MaxResults, paging.ReadCursor(operation, request, request.NextToken), ct);
        return new Dto.ListLicenseVersionsResponse
        {
            Licenses = [.. page.Items.Select(EntitlementMapping.ToDto)],
            NextToken = paging.IssueToken(operation, request, page.NextCursor),
        };
    }

    public async Task<Dto.DeleteLicenseResponse> DeleteLicense(Dto.DeleteLicenseRequest request, CancellationToken ct)
    {
        var deletion = await licenses.DeleteLicenseAsync(caller.Scope, request.LicenseArn!, request.SourceVersion!, ct);
        return new Dto.DeleteLicenseResponse
        {
            Status = LicenseStatusNames.ToWire(deletion.Status),
            DeletionDate = EntitlementMapping.Instant(deletion.DeletionDate),
        };
    }

    public async Task<Dto.ListReceivedLicensesResponse> ListReceivedLicenses(Dto.ListReceivedLicensesRequest request, CancellationToken ct)
    {
        var operation = Operation(nameof(ListReceivedLicenses));
        var page = await licenses.ListReceivedLicensesAsync(caller.Scope, new ListLicensesCommand
        {
            LicenseArns = request.LicenseArns,
            Filters = LicenseManagerMapping.ToFilters(request.Filters),
            MaxResults = request.MaxResults,
            After = paging.ReadCursor(operation, request, request.NextToken),
        }, ct);
        return new Dto.ListReceivedLicensesResponse
        {
            Licenses = [.. page.Items.Select(EntitlementMapping.ToDto)],
            NextToken = paging.IssueToken(operation, request, page.NextCursor),
        };
    }
}
