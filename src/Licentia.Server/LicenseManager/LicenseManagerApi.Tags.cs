using Licentia.Core.Entitlements;
using Dto = Licentia.Aws.LicenseManager;

namespace Licentia.Server.LicenseManager;

public sealed partial class LicenseManagerApi
{
    // Licenses and grants are tagged by their own manager; every other ARN is a license configuration's (or unknown).
    public async Task<Dto.TagResourceResponse> TagResource(Dto.TagResourceRequest request, CancellationToken ct)
    {
        var tags = LicenseManagerMapping.ToTags(request.Tags) ?? [];
        await (EntitlementTagManager.Handles(request.ResourceArn)
            ? entitlementTags.TagResourceAsync(caller.Scope, request.ResourceArn!, tags, ct)
            : configurations.TagResourceAsync(caller.Scope, request.ResourceArn!, tags, ct));
        return new Dto.TagResourceResponse();
    }

    public async Task<Dto.UntagResourceResponse> UntagResource(Dto.UntagResourceRequest request, CancellationToken ct)
    {
        await (EntitlementTagManager.Handles(request.ResourceArn)
            ? entitlementTags.UntagResourceAsync(caller.Scope, request.ResourceArn!, request.TagKeys ?? [], ct)
            : configurations.UntagResourceAsync(caller.Scope, request.ResourceArn!, request.TagKeys ?? [], ct));
        return new Dto.UntagResourceResponse();
    }

    public async Task<Dto.ListTagsForResourceResponse> ListTagsForResource(Dto.ListTagsForResourceRequest request, CancellationToken ct)
    {
        var tags = EntitlementTagManager.Handles(request.ResourceArn)
            ? await entitlementTags.ListTagsForResourceAsync(caller.Scope, request.ResourceArn!, ct)
            : await configurations.ListTagsForResourceAsync(caller.Scope, request.ResourceArn!, ct);
        return new Dto.ListTagsForResourceResponse { Tags = LicenseManagerMapping.ToDto(tags) };
    }
}
