using Dto = Licentia.Aws.LicenseManager;

namespace Licentia.Server.LicenseManager;

public sealed partial class LicenseManagerApi
{
    public async Task<Dto.TagResourceResponse> TagResource(Dto.TagResourceRequest request, CancellationToken ct)
    {
        await configurations.TagResourceAsync(caller.Scope, request.ResourceArn!, LicenseManagerMapping.ToTags(request.Tags) ?? [], ct);
        return new Dto.TagResourceResponse();
    }

    public async Task<Dto.UntagResourceResponse> UntagResource(Dto.UntagResourceRequest request, CancellationToken ct)
    {
        await configurations.UntagResourceAsync(caller.Scope, request.ResourceArn!, request.TagKeys ?? [], ct);
        return new Dto.UntagResourceResponse();
    }

    public async Task<Dto.ListTagsForResourceResponse> ListTagsForResource(Dto.ListTagsForResourceRequest request, CancellationToken ct)
    {
        var tags = await configurations.ListTagsForResourceAsync(caller.Scope, request.ResourceArn!, ct);
        return new Dto.ListTagsForResourceResponse { Tags = LicenseManagerMapping.ToDto(tags) };
    }
}
