using Licentia.Aws.Ssm;
using Licentia.Core.Inventory;

namespace Licentia.Server.Ssm;

public sealed partial class SsmApi
{
    public async Task<CreateActivationResult> CreateActivation(CreateActivationRequest request, CancellationToken ct)
    {
        var created = await inventory.CreateActivationAsync(await CallerAsync(ct), new CreateActivationCommand
        {
            IamRole = request.IamRole ?? string.Empty,
            Description = request.Description,
            DefaultInstanceName = request.DefaultInstanceName,
            RegistrationLimit = request.RegistrationLimit,
            ExpirationDate = request.ExpirationDate,
            Tags = request.Tags?.Select(t => new Core.Tagging.Tag(t.Key ?? "", t.Value ?? "")).ToList(),
        }, ct);
        return new CreateActivationResult { ActivationId = created.Activation.Id, ActivationCode = created.ActivationCode };
    }

    public async Task<DescribeActivationsResult> DescribeActivations(DescribeActivationsRequest request, CancellationToken ct)
    {
        var query = InventoryQueries.Activations(request.Filters?.Select(f => new WireFilter(f.FilterKey, f.FilterValues)).ToList());
        var page = await inventory.DescribeActivationsAsync(await CallerAsync(ct), query,
            Cursor(nameof(DescribeActivations), request, request.NextToken), request.MaxResults, ct);
        var now = inventory.Now;
        return new DescribeActivationsResult
        {
            ActivationList = [.. page.Items.Select(a => SsmMapping.ToWire(a, now))],
            NextToken = Token(nameof(DescribeActivations), request, page.NextCursor),
        };
    }

    public async Task<DeleteActivationResult> DeleteActivation(DeleteActivationRequest request, CancellationToken ct)
    {
        await inventory.DeleteActivationAsync(await CallerAsync(ct), request.ActivationId!, ct);
        return new DeleteActivationResult();
    }
}
