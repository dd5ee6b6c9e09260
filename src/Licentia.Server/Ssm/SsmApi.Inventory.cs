using Licentia.Aws.Ssm;
using Licentia.Core.Inventory;

namespace Licentia.Server.Ssm;

public sealed partial class SsmApi
{
    public async Task<PutInventoryResult> PutInventory(PutInventoryRequest request, CancellationToken ct)
    {
        await inventory.PutInventoryAsync(await CallerAsync(ct), request.InstanceId!, [.. request.Items!.Select(SsmMapping.FromWire)], ct);
        return new PutInventoryResult();
    }

    public async Task<GetInventoryResult> GetInventory(GetInventoryRequest request, CancellationToken ct)
    {
        if (request.Aggregators is { Count: > 0 })
        {
            var aggregators = InventoryAggregators.Parse([.. request.Aggregators.Select(SsmMapping.FromWire)]);
            var results = await inventory.AggregateInventoryAsync(await CallerAsync(ct), SsmMapping.Filters(request.Filters), aggregators, ct);
            return new GetInventoryResult { Entities = [.. results.Select(SsmMapping.ToWire)] };
        }

        var page = await inventory.GetInventoryAsync(await CallerAsync(ct), SsmMapping.Filters(request.Filters),
            request.ResultAttributes?.FirstOrDefault()?.TypeName, Cursor(nameof(GetInventory), request, request.NextToken), request.MaxResults, ct);
        return new GetInventoryResult
        {
            Entities = [.. page.Items.Select(SsmMapping.ToWire)],
            NextToken = Token(nameof(GetInventory), request, page.NextCursor),
        };
    }

    public async Task<ListInventoryEntriesResult> ListInventoryEntries(ListInventoryEntriesRequest request, CancellationToken ct)
    {
        var filters = SsmMapping.Filters(request.Filters, request.TypeName);
        var entries = await inventory.ListInventoryEntriesAsync(await CallerAsync(ct), request.InstanceId!, request.TypeName!, filters,
            Cursor(nameof(ListInventoryEntries), request, request.NextToken), request.MaxResults, ct);
        return new ListInventoryEntriesResult
        {
            InstanceId = entries.InstanceId,
            TypeName = entries.TypeName,
            SchemaVersion = entries.Item?.SchemaVersion,
            CaptureTime = entries.Item?.CaptureTime,
            Entries = [.. entries.Entries.Select(e => new Dictionary<string, string>(e))],
            NextToken = Token(nameof(ListInventoryEntries), request, entries.NextCursor),
        };
    }
}
