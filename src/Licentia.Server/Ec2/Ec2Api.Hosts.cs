using Licentia.Core.Compute;
using Dto = Licentia.Aws.Ec2;

namespace Licentia.Server.Ec2;

public sealed partial class Ec2Api
{
    public async Task<Dto.AllocateHostsResult> AllocateHosts(Dto.AllocateHostsRequest request, CancellationToken ct)
    {
        var ids = await compute.AllocateHostsAsync(caller.Scope, new AllocateHostsCommand
        {
            AvailabilityZone = request.AvailabilityZone ?? "",
            InstanceType = request.InstanceType,
            InstanceFamily = request.InstanceFamily,
            Quantity = request.Quantity ?? 1,
            AutoPlacement = request.AutoPlacement,
            HostRecovery = request.HostRecovery,
        }, ct);
        return new Dto.AllocateHostsResult { HostIds = [.. ids] };
    }

    public async Task<Dto.DescribeHostsResult> DescribeHosts(Dto.DescribeHostsRequest request, CancellationToken ct)
    {
        var page = await compute.DescribeHostsAsync(caller.Scope, new DescribeHostsCommand
        {
            HostIds = request.HostIds,
            Filters = Ec2Mapping.ToFilters(request.Filter),
            MaxResults = request.MaxResults,
            After = ReadCursor(nameof(DescribeHosts), request, request.NextToken),
        }, ct);
        return new Dto.DescribeHostsResult
        {
            Hosts = [.. page.Items.Select(Ec2Mapping.ToDto)],
            NextToken = IssueToken(nameof(DescribeHosts), request, page.NextCursor),
        };
    }

    public async Task<Dto.ReleaseHostsResult> ReleaseHosts(Dto.ReleaseHostsRequest request, CancellationToken ct)
    {
        var released = await compute.ReleaseHostsAsync(caller.Scope, request.HostIds ?? [], ct);
        return new Dto.ReleaseHostsResult
        {
            Successful = [.. released.Successful],
            Unsuccessful = [.. released.Unsuccessful.Select(u => new Dto.UnsuccessfulItem
            {
                ResourceId = u.HostId,
                Error = new Dto.UnsuccessfulItemError { Code = u.Code, Message = u.Message },
            })],
        };
    }
}
