using Licentia.Core.Compute;
using Dto = Licentia.Aws.Ec2;

namespace Licentia.Server.Ec2;

public sealed partial class Ec2Api
{
    public async Task<Dto.RegisterImageResult> RegisterImage(Dto.RegisterImageRequest request, CancellationToken ct)
    {
        AnswerDryRun(request.DryRun);
        var image = await compute.RegisterImageAsync(caller.Scope, new RegisterImageCommand
        {
            Name = request.Name!,
            Description = request.Description,
            Architecture = request.Architecture,
            RootDeviceName = request.RootDeviceName,
            PlatformDetails = Ec2Mapping.PlatformDetailsOf(request.BillingProducts),
            UsageOperation = Ec2Mapping.UsageOperationOf(request.BillingProducts),
        }, ct);
        return new Dto.RegisterImageResult { ImageId = image.Id };
    }

    public async Task<Dto.DescribeImagesResult> DescribeImages(Dto.DescribeImagesRequest request, CancellationToken ct)
    {
        AnswerDryRun(request.DryRun);
        var page = await compute.DescribeImagesAsync(caller.Scope, new DescribeImagesCommand
        {
            ImageIds = request.ImageIds,
            Owners = request.Owners,
            Filters = Ec2Mapping.ToFilters(request.Filters),
            MaxResults = request.MaxResults,
            After = ReadCursor(nameof(DescribeImages), request, request.NextToken),
        }, ct);
        return new Dto.DescribeImagesResult
        {
            Images = [.. page.Items.Select(Ec2Mapping.ToDto)],
            NextToken = IssueToken(nameof(DescribeImages), request, page.NextCursor),
        };
    }

    public async Task<Dto.DeregisterImageResult> DeregisterImage(Dto.DeregisterImageRequest request, CancellationToken ct)
    {
        AnswerDryRun(request.DryRun);
        await compute.DeregisterImageAsync(caller.Scope, request.ImageId!, ct);
        return new Dto.DeregisterImageResult { Return = true, DeleteSnapshotResults = [] };
    }
}
