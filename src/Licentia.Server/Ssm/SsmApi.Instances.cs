using Licentia.Aws.Ssm;
using Licentia.Core.Inventory;

namespace Licentia.Server.Ssm;

public sealed partial class SsmApi
{
    public async Task<DescribeInstanceInformationResult> DescribeInstanceInformation(DescribeInstanceInformationRequest request, CancellationToken ct)
    {
        var query = InventoryQueries.Instances(
            request.InstanceInformationFilterList?.Select(f => new WireFilter(f.key, f.valueSet)).ToList(),
            request.Filters?.Select(f => new WireFilter(f.Key, f.Values)).ToList());
        var page = await inventory.DescribeInstanceInformationAsync(await CallerAsync(ct), query,
            Cursor(nameof(DescribeInstanceInformation), request, request.NextToken), request.MaxResults, ct);
        var now = inventory.Now;
        return new DescribeInstanceInformationResult
        {
            InstanceInformationList = [.. page.Items.Select(i => SsmMapping.ToWire(i, now, inventory.Options))],
            NextToken = Token(nameof(DescribeInstanceInformation), request, page.NextCursor),
        };
    }

    public async Task<DeregisterManagedInstanceResult> DeregisterManagedInstance(DeregisterManagedInstanceRequest request, CancellationToken ct)
    {
        await inventory.DeregisterAsync(await CallerAsync(ct), request.InstanceId!, ct);
        return new DeregisterManagedInstanceResult();
    }
}
