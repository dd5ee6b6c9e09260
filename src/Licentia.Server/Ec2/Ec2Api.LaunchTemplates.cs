using Licentia.Core.Compute;
using Dto = Licentia.Aws.Ec2;

namespace Licentia.Server.Ec2;

public sealed partial class Ec2Api
{
    public async Task<Dto.CreateLaunchTemplateResult> CreateLaunchTemplate(Dto.CreateLaunchTemplateRequest request, CancellationToken ct)
    {
        AnswerDryRun(request.DryRun);
        var created = await compute.CreateLaunchTemplateAsync(caller.Scope, new CreateLaunchTemplateCommand
        {
            LaunchTemplateName = request.LaunchTemplateName!,
            VersionDescription = request.VersionDescription,
            LaunchTemplateData = Ec2Mapping.ToLaunchTemplateData(request.LaunchTemplateData!),
        }, ct);
        return new Dto.CreateLaunchTemplateResult { LaunchTemplate = Ec2Mapping.ToDto(created) };
    }

    public async Task<Dto.DescribeLaunchTemplatesResult> DescribeLaunchTemplates(Dto.DescribeLaunchTemplatesRequest request, CancellationToken ct)
    {
        AnswerDryRun(request.DryRun);
        var page = await compute.DescribeLaunchTemplatesAsync(caller.Scope, new DescribeLaunchTemplatesCommand
        {
            LaunchTemplateIds = request.LaunchTemplateIds,
            LaunchTemplateNames = request.LaunchTemplateNames,
            Filters = Ec2Mapping.ToFilters(request.Filters),
            MaxResults = request.MaxResults,
            After = ReadCursor(nameof(DescribeLaunchTemplates), request, request.NextToken),
        }, ct);
        return new Dto.DescribeLaunchTemplatesResult
        {
            LaunchTemplates = [.. page.Items.Select(Ec2Mapping.ToDto)],
            NextToken = IssueToken(nameof(DescribeLaunchTemplates), request, page.NextCursor),
        };
    }
}
