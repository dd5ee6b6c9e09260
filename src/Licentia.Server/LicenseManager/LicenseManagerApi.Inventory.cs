using Licentia.Core.Inventory.Resources;
using Dto = Licentia.Aws.LicenseManager;

namespace Licentia.Server.LicenseManager;

public sealed partial class LicenseManagerApi
{
    public async Task<Dto.ListResourceInventoryResponse> ListResourceInventory(Dto.ListResourceInventoryRequest request, CancellationToken ct)
    {
        var operation = Operation(nameof(ListResourceInventory));
        var page = await resourceInventory.ListResourceInventoryAsync(
            caller.Scope,
            request.Filters?.Select(f => (f.Name, f.Condition, f.Value)).ToList(),
            request.MaxResults,
            paging.ReadCursor(operation, request, request.NextToken),
            ct);
        return new Dto.ListResourceInventoryResponse
        {
            ResourceInventoryList = [.. page.Items.Select(ResourceInventoryMapping.ToDto)],
            NextToken = paging.IssueToken(operation, request, page.NextCursor),
        };
    }
}

/// <summary>Inventory resources to their wire shape.</summary>
internal static class ResourceInventoryMapping
{
    public static Dto.ResourceInventory ToDto(InventoryResource r) => new()
    {
        ResourceId = r.ResourceId,
        ResourceType = r.Type == InventoryResourceType.Ec2Instance ? Dto.ResourceType.Ec2Instance : Dto.ResourceType.SystemsManagerManagedInstance,
        ResourceArn = r.Arn,
        Platform = r.Platform,
        PlatformVersion = r.PlatformVersion.Length == 0 ? null : r.PlatformVersion,
        ResourceOwningAccountId = r.OwnerAccountId,
        Region = r.Region,
        AmiId = r.AmiId,
        HostId = r.HostId,
        InstanceType = r.InstanceType,
        UsageOperation = r.UsageOperation,
    };
}
