using Licentia.Core.Entitlements.Grants;
using Dto = Licentia.Aws.LicenseManager;

namespace Licentia.Server.LicenseManager;

public sealed partial class LicenseManagerApi
{
    public async Task<Dto.CreateGrantResponse> CreateGrant(Dto.CreateGrantRequest request, CancellationToken ct)
    {
        var grant = await grants.CreateGrantAsync(caller.Scope, new CreateGrantCommand
        {
            GrantName = request.GrantName ?? "",
            LicenseArn = request.LicenseArn!,
            Principals = request.Principals ?? [],
            HomeRegion = request.HomeRegion ?? "",
            AllowedOperations = request.AllowedOperations ?? [],
            Tags = LicenseManagerMapping.ToTags(request.Tags),
        }, ct);
        return new Dto.CreateGrantResponse { GrantArn = grant.Arn, Status = GrantStatusNames.ToWire(grant.Status), Version = EntitlementMapping.Number(grant.Version) };
    }

    public async Task<Dto.CreateGrantVersionResponse> CreateGrantVersion(Dto.CreateGrantVersionRequest request, CancellationToken ct)
    {
        var grant = await grants.CreateGrantVersionAsync(caller.Scope, new CreateGrantVersionCommand
        {
            GrantArn = request.GrantArn!,
            GrantName = request.GrantName,
            AllowedOperations = request.AllowedOperations,
            Status = request.Status is { } status ? GrantStatusNames.Parse(status) : null,
            StatusReason = request.StatusReason,
            SourceVersion = request.SourceVersion,
            ActivationOverrideBehavior = request.Options?.ActivationOverrideBehavior,
        }, ct);
        return new Dto.CreateGrantVersionResponse { GrantArn = grant.Arn, Status = GrantStatusNames.ToWire(grant.Status), Version = EntitlementMapping.Number(grant.Version) };
    }

    public async Task<Dto.GetGrantResponse> GetGrant(Dto.GetGrantRequest request, CancellationToken ct)
    {
        var (grant, version) = await grants.GetGrantAsync(caller.Scope, request.GrantArn!, request.Version, ct);
        return new Dto.GetGrantResponse { Grant = EntitlementMapping.ToDto(grant, version) };
    }

    public async Task<Dto.DeleteGrantResponse> DeleteGrant(Dto.DeleteGrantRequest request, CancellationToken ct)
    {
        var grant = await grants.DeleteGrantAsync(caller.Scope, request.GrantArn!, request.Version!, request.StatusReason, ct);
        return new Dto.DeleteGrantResponse { GrantArn = grant.Arn, Status = GrantStatusNames.ToWire(grant.Status), Version = EntitlementMapping.Number(grant.Version) };
    }

    public async Task<Dto.AcceptGrantResponse> AcceptGrant(Dto.AcceptGrantRequest request, CancellationToken ct)
    {
        var grant = await grants.AcceptGrantAsync(caller.Scope, request.GrantArn!, ct);
        return new Dto.AcceptGrantResponse { GrantArn = grant.Arn, Status = GrantStatusNames.ToWire(grant.Status), Version = EntitlementMapping.Number(grant.Version) };
    }

    public async Task<Dto.RejectGrantResponse> RejectGrant(Dto.RejectGrantRequest request, CancellationToken ct)
    {
        var grant = await grants.RejectGrantAsync(caller.Scope, request.GrantArn!, ct);
        return new Dto.RejectGrantResponse { GrantArn = grant.Arn, Status = GrantStatusNames.ToWire(grant.Status), Version = EntitlementMapping.Number(grant.Version) };
    }

    public async Task<Dto.ListDistributedGrantsResponse> ListDistributedGrants(Dto.ListDistributedGrantsRequest request, CancellationToken ct)
    {
        var operation = Operation(nameof(ListDistributedGrants));
        var page = await grants.ListDistributedGrantsAsync(caller.Scope, ToCommand(request.GrantArns, request.Filters, request.MaxResults,
            paging.ReadCursor(operation, request, request.NextToken)), ct);
        return new Dto.ListDistributedGrantsResponse
        {
            Grants = [.. page.Items.Select(g => EntitlementMapping.ToDto(g, g.Latest))],
            NextToken = paging.IssueToken(operation, request, page.NextCursor),
        };
    }

    public async Task<Dto.ListReceivedGrantsResponse> ListReceivedGrants(Dto.ListReceivedGrantsRequest request, CancellationToken ct)
    {
        var operation = Operation(nameof(ListReceivedGrants));
        var page = await grants.ListReceivedGrantsAsync(caller.Scope, ToCommand(request.GrantArns, request.Filters, request.MaxResults,
            paging.ReadCursor(operation, request, request.NextToken)), ct);
        return new Dto.ListReceivedGrantsResponse
        {
            Grants = [.. page.Items.Select(g => EntitlementMapping.ToDto(g, g.Latest))],
            NextToken = paging.IssueToken(operation, request, page.NextCursor),
        };
    }

    private static ListGrantsCommand ToCommand(List<string>? arns, List<Dto.Filter>? filters, int? maxResults, string? after) => new()
    {
        GrantArns = arns,
        Filters = LicenseManagerMapping.ToFilters(filters),
        MaxResults = maxResults,
        After = after,
    };
}
