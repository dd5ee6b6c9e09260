using Licentia.Core.Compute;
using Dto = Licentia.Aws.Ec2;

namespace Licentia.Server.Ec2;

public sealed partial class Ec2Api
{
    public async Task<Dto.Reservation> RunInstances(Dto.RunInstancesRequest request, CancellationToken ct)
    {
        var launched = await compute.RunInstancesAsync(caller.Scope, new RunInstancesCommand
        {
            ImageId = request.ImageId,
            InstanceType = request.InstanceType,
            MinCount = request.MinCount ?? 1,
            MaxCount = request.MaxCount ?? 1,
            Placement = Ec2Mapping.ToPlacement(request.Placement),
            CpuOptions = Ec2Mapping.ToCpuOptions(request.CpuOptions?.CoreCount, request.CpuOptions?.ThreadsPerCore, request.CpuOptions is not null),
            LicenseConfigurationArns = [.. (request.LicenseSpecifications ?? []).Select(l => l.LicenseConfigurationArn ?? "")],
            LaunchTemplate = request.LaunchTemplate is { } template
                ? new LaunchTemplateReference(template.LaunchTemplateId, template.LaunchTemplateName, template.Version)
                : null,
            DryRun = request.DryRun ?? false,
        }, ct);
        return new Dto.Reservation
        {
            ReservationId = launched.ReservationId,
            OwnerId = launched.OwnerId,
            Groups = [],
            Instances = [.. launched.Instances.Select((instance, index) => Ec2Mapping.ToDto(instance, index, compute.Catalog))],
        };
    }

    public async Task<Dto.DescribeInstancesResult> DescribeInstances(Dto.DescribeInstancesRequest request, CancellationToken ct)
    {
        AnswerDryRun(request.DryRun);
        var page = await compute.DescribeInstancesAsync(caller.Scope, new DescribeInstancesCommand
        {
            InstanceIds = request.InstanceIds,
            Filters = Ec2Mapping.ToFilters(request.Filters),
            MaxResults = request.MaxResults,
            After = ReadCursor(nameof(DescribeInstances), request, request.NextToken),
        }, ct);
        return new Dto.DescribeInstancesResult
        {
            Reservations = Ec2Mapping.ToReservations(page.Items, compute.Catalog),
            NextToken = IssueToken(nameof(DescribeInstances), request, page.NextCursor),
        };
    }

    public async Task<Dto.StartInstancesResult> StartInstances(Dto.StartInstancesRequest request, CancellationToken ct)
    {
        var changes = await compute.StartInstancesAsync(caller.Scope, request.InstanceIds ?? [], request.DryRun ?? false, ct);
        return new Dto.StartInstancesResult { StartingInstances = Ec2Mapping.ToDto(changes) };
    }

    public async Task<Dto.StopInstancesResult> StopInstances(Dto.StopInstancesRequest request, CancellationToken ct)
    {
        var changes = await compute.StopInstancesAsync(caller.Scope, request.InstanceIds ?? [], request.DryRun ?? false, ct);
        return new Dto.StopInstancesResult { StoppingInstances = Ec2Mapping.ToDto(changes) };
    }

    public async Task<Dto.TerminateInstancesResult> TerminateInstances(Dto.TerminateInstancesRequest request, CancellationToken ct)
    {
        var changes = await compute.TerminateInstancesAsync(caller.Scope, request.InstanceIds ?? [], request.DryRun ?? false, ct);
        return new Dto.TerminateInstancesResult { TerminatingInstances = Ec2Mapping.ToDto(changes) };
    }

    public async Task<Dto.ModifyInstancePlacementResult> ModifyInstancePlacement(Dto.ModifyInstancePlacementRequest request, CancellationToken ct)
    {
        await compute.ModifyInstancePlacementAsync(caller.Scope, new ModifyInstancePlacementCommand
        {
            InstanceId = request.InstanceId!,
            Tenancy = request.Tenancy,
            Affinity = request.Affinity,
            HostId = request.HostId,
            HostResourceGroupArn = request.HostResourceGroupArn,
        }, ct);
        return new Dto.ModifyInstancePlacementResult { Return = true };
    }
}
